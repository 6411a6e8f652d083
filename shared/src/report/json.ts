// The report as one JSON object — what `report check --json` prints and `report render`
// reads: { year, body, section2, rows, section4, checks, narrative, issues }.

import { z } from 'zod';
import { ReportReadError } from './errors';
import {
  emptyNarrative,
  emptyRows,
  narrativeKeys,
  standardRowKeys,
  type AnnualReport,
  type Narrative,
  type Table3Rows,
} from './model';
import type { CheckResult } from './rules';

export interface ReportJson {
  year: number | null;
  body: string | null;
  section2: AnnualReport['section2'];
  rows: Table3Rows;
  section4: AnnualReport['section4'];
  checks?: CheckResult;
  narrative?: Narrative;
  issues?: string[];
}

/** Always with the narrative (only a report read from outside may lack it). */
export function toReportJson(report: AnnualReport, extra: { checks?: CheckResult; issues?: string[] } = {}): ReportJson & { narrative: Narrative } {
  const rows = {} as Table3Rows;
  for (const key of standardRowKeys) rows[key] = [...report.rows[key]];
  if (report.rows.other_single) rows.other_single = [...report.rows.other_single];
  return {
    year: report.year,
    body: report.body,
    section2: report.section2,
    rows,
    section4: report.section4,
    ...(extra.checks ? { checks: extra.checks } : {}),
    narrative: report.narrative,
    ...(extra.issues ? { issues: extra.issues } : {}),
  };
}

const cell = z.number().finite().nonnegative().nullable();
const cells = (n: number) => z.array(cell).length(n);

const schema = z.object({
  year: z.number().int().nullable(),
  body: z.string().nullable(),
  section2: z.object({
    rules: cells(3),
    normative_docs: cells(3),
    licensing: cell,
    punishment: cell,
    coercion: cell,
    fees_wan_yuan: cell,
  }),
  rows: z.partialRecord(z.enum(['other_single', ...standardRowKeys]), cells(7)),
  section4: z.object({ review: cells(5), litigation_direct: cells(5), litigation_after_review: cells(5) }),
  narrative: z.object(Object.fromEntries(narrativeKeys.map((k) => [k, z.string().optional()]))).optional(),
});

/** A report from its JSON form; rows it leaves out are empty. Throws ReportReadError('invalid_json'). */
export function parseReportJson(value: unknown): AnnualReport {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
      .join('；');
    throw new ReportReadError('invalid_json', `JSON 不是年度报告的结构：${where}`);
  }
  const data = parsed.data;
  const rows = emptyRows();
  for (const [key, values] of Object.entries(data.rows)) {
    if (key === 'other_single') rows.other_single = values;
    else rows[key as keyof typeof rows] = values;
  }
  const narrative = emptyNarrative();
  for (const key of narrativeKeys) narrative[key] = data.narrative?.[key] ?? '';
  return { year: data.year, body: data.body, narrative, section2: data.section2, rows, section4: data.section4 };
}
