// The annual reports API contract: the staff report editor reads and writes these; the server's
// reports service (server/src/reports) stores Section2Inputs as they are.
//   GET  /api/reports/:body/:year?edition=draft  → the draft computed from the data, with the checks
//   GET  /api/reports/:body/:year/inputs         → what staff typed (section 二 inputs, narrative)
//   PUT  /api/reports/:body/:year/inputs         → save (optimistic `version`)
//   POST /api/reports/:body/:year/publish        → freeze the year's report (and its cards); reviewer/admin
import type { AnnualReport, Cell, CheckResult, Failure, Narrative } from '../report';

/** Section 二 figures the records do not hold; `rules`/`normative_docs` null = derived from published content. */
export interface Section2Inputs {
  licensing: Cell;
  punishment: Cell;
  coercion: Cell;
  fees_wan_yuan: Cell;
  rules: Cell[] | null;
  normative_docs: Cell[] | null;
}

/** PUT body: the version read, and what changed. */
export interface ReportInputsBody {
  section2: Section2Inputs;
  /** With {{figure}} tokens as typed. */
  narrative: Narrative;
  version: number;
}

/** GET/PUT answer: the inputs plus the figures the narrative may quote ({{key}}). */
export interface ReportInputsView extends ReportInputsBody {
  bodyId: string;
  year: number;
  /** False until someone saved (the narrative is then the default text). */
  saved: boolean;
  figures: Array<{ key: string; token: string; label: string; value: number | null }>;
  updatedAt: string | null;
}

export interface ReportEditorView {
  bodyId: string;
  year: number;
  status: 'draft' | 'published' | 'imported';
  report: AnnualReport;
  figures: Record<string, number | null>;
  warnings: string[];
  checks: CheckResult;
  ok: boolean;
  failures: Failure[];
  fingerprint: string | null;
  editions: Array<{ n: number; kind: string; on: string; note?: string }>;
}

export interface ReportPublishResponse {
  created: boolean;
  cautions: string[];
  edition: { n: number; kind: string; on: string; note?: string };
  editions: Array<{ n: number; kind: string; on: string; note?: string }>;
}
