import { emptyNarrative, zeroRows, type AnnualReport } from '@zwgk/shared';
import { failingCells, previewFailures, previewReport, substituteTokens } from './report-preview';
import type { ReportInputsBody } from '@zwgk/shared';

// The editor's live preview: staff inputs over the server's draft, checked by the shared checker.

function draft(): AnnualReport {
  const rows = zeroRows();
  rows.new = [3, 0, 0, 0, 0, 0, 3];
  rows.partial = [1, 0, 0, 0, 0, 0, 1];
  rows.unable_not_held = [2, 0, 0, 0, 0, 0, 2];
  rows.total = [3, 0, 0, 0, 0, 0, 3];
  return {
    body: '平武县人民政府办公室',
    year: 2023,
    narrative: emptyNarrative(),
    section2: { rules: [0, 0, 0], normative_docs: [2, 2, 8], licensing: null, punishment: null, coercion: null, fees_wan_yuan: null },
    rows,
    section4: { review: [0, 0, 0, 0, 0], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] },
  };
}

const inputs = (narrative: Partial<ReturnType<typeof emptyNarrative>> = {}): ReportInputsBody => ({
  version: 1,
  section2: { licensing: 12, punishment: null, coercion: null, fees_wan_yuan: null, rules: null, normative_docs: [3, 2, 9] },
  narrative: { ...emptyNarrative(), ...narrative },
});

const figures = { 'requests.new': 3, 'normative.issued': 2, 'content.documents': null };

it('replaces figure tokens like the server (unknown as typed, missing as —)', () => {
  expect(substituteTokens('{{year}}年{{body}}收到申请{{requests.new}}件，发文{{content.documents}}件，{{nope}}', figures, { body: '县政府办', year: 2023 })).toBe('2023年县政府办收到申请3件，发文—件，{{nope}}');
});

it('lays typed section 二 figures over the draft and keeps derived ones', () => {
  const r = previewReport(draft(), inputs(), figures);
  expect(r.section2.licensing).toBe(12);
  expect(r.section2.rules).toEqual([0, 0, 0]); // null input = from published content (the draft's)
  expect(r.section2.normative_docs).toEqual([3, 2, 9]);
});

it('flags a narrative figure that disagrees with the tables (N1) and points at the cell', () => {
  // Otherwise clean: no rule fails on the draft itself.
  expect(previewFailures(previewReport(draft(), inputs(), figures), [])).toEqual([]);
  const wrong = previewReport(draft(), inputs({ section1: '本年收到政府信息公开申请5件。' }), figures);
  const failures = previewFailures(wrong, []);
  expect(failures.map((f) => f.rule)).toContain('N1');
  expect(failingCells(failures).has('table3:new:total')).toBe(true);

  const right = previewReport(draft(), inputs({ section1: '本年收到政府信息公开申请{{requests.new}}件。' }), figures);
  expect(previewFailures(right, []).filter((f) => f.rule === 'N1')).toEqual([]);
});

it('keeps the server’s carry-over check (X), which needs last year’s report', () => {
  const x = { rule: 'X' as const, message: 'X 上年结转3 ≠ 去年结转下年2', cells: [{ table: 'table3' as const, row: 'carried_in' as const, column: 'total' as const }], values: [3, 2] };
  const r = previewReport(draft(), inputs(), figures);
  expect(previewFailures(r, [x])).toContainEqual(x);
  expect(failingCells([x]).has('table3:carried_in:total')).toBe(true);
});
