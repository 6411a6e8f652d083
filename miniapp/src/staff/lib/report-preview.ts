// The annual report editor's live preview: the draft the server computed from the records
// (tables 三/四 are never typed), with the staff's unsaved section 二 inputs and narrative laid
// over it, checked at once by the shared checker (checkReport: R1–R6, F1, N1). Rule X needs last
// year's report, which only the server has: its X failures are kept from the last answer.
import { allFailures, checkReport, type AnnualReport, type CellRef, type Failure, type Narrative } from '@zwgk/shared';
import type { ReportInputsBody } from '@zwgk/shared';

const TOKEN = /\{\{\s*([a-z_.]+)\s*\}\}/g;

/** The narrative as it will print: {{figure}} tokens replaced like the server does (unknown/unavailable → as typed / '—'). */
export function substituteTokens(text: string, figures: Record<string, number | null>, context: { body: string; year: number }): string {
  return text.replace(TOKEN, (whole, key: string) => {
    if (key === 'body') return context.body;
    if (key === 'year') return String(context.year);
    if (!(key in figures)) return whole;
    const v = figures[key];
    return v === null || v === undefined ? '—' : String(v);
  });
}

export function previewReport(base: AnnualReport, inputs: ReportInputsBody, figures: Record<string, number | null>): AnnualReport {
  const context = { body: base.body ?? '', year: base.year ?? 0 };
  const s = inputs.section2;
  const narrative = Object.fromEntries(Object.entries(inputs.narrative).map(([k, v]) => [k, substituteTokens(v ?? '', figures, context)])) as unknown as Narrative;
  return {
    ...base,
    narrative,
    section2: {
      // null = taken from published content: the draft already holds those figures.
      rules: s.rules ?? base.section2.rules,
      normative_docs: s.normative_docs ?? base.section2.normative_docs,
      licensing: s.licensing,
      punishment: s.punishment,
      coercion: s.coercion,
      fees_wan_yuan: s.fees_wan_yuan,
    },
  };
}

export function previewFailures(report: AnnualReport, serverFailures: ReadonlyArray<Failure>): Failure[] {
  const local = allFailures(checkReport(report)).filter((f) => f.rule !== 'X');
  return [...local, ...serverFailures.filter((f) => f.rule === 'X')];
}

export const cellKey = (c: CellRef) => `${c.table}:${c.row}:${c.column}`;

/** Every cell some rule points at, for highlighting. */
export function failingCells(failures: ReadonlyArray<Failure>): Set<string> {
  return new Set(failures.flatMap((f) => f.cells.map(cellKey)));
}
