import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from './check';
import { ReportReadError } from './errors';
import { parseReportJson, toReportJson } from './json';
import { readReport } from './read';

const { report, issues } = readReport(readFileSync(join(__dirname, 'fixtures', 'pingwu-2023.txt'), 'utf8'));

describe('report JSON', () => {
  it('round-trips through JSON text, checks and issues included', () => {
    const json = JSON.parse(JSON.stringify(toReportJson(report, { checks: checkReport(report), issues })));
    expect(Object.keys(json)).toEqual(['year', 'body', 'section2', 'rows', 'section4', 'checks', 'narrative', 'issues']);
    expect(parseReportJson(json)).toEqual(report);
  });

  it('keeps the 2019 single row and fills rows left out with empty cells', () => {
    const parsed = parseReportJson({ ...toReportJson(report), rows: { new: [1, 0, 0, 0, 0, 0, 1], other_single: [0, 0, 0, 0, 0, 0, 0] }, narrative: undefined });
    expect(parsed.rows.new).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(parsed.rows.other_single).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(parsed.rows.total).toEqual([null, null, null, null, null, null, null]);
    expect(parsed.narrative.section1).toBe('');
  });

  it('names what is wrong with a JSON that is not a report', () => {
    const bad = { ...toReportJson(report), rows: { new: [1, 2], bogus: [0, 0, 0, 0, 0, 0, 0] } };
    expect(() => parseReportJson(bad)).toThrow(ReportReadError);
    expect(() => parseReportJson(bad)).toThrow(/rows/);
    expect(() => parseReportJson({ ...toReportJson(report), section4: { review: [1, 0, 0, 0, -1] } })).toThrow(/section4/);
  });
});
