// Acceptance: the seed report (平武县人民政府办公室 2023) reads to exactly its published
// numbers, every rule holds, and changing any single number is caught at the right cell.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from './check';
import { readReport } from './read';
import { section4Blocks, section4Columns, standardRowKeys, table3Columns, type Section2Key, type StandardRowKey } from './model';
import type { CellRef, CheckResult, RuleId } from './rules';

const seed = readFileSync(join(__dirname, 'fixtures', 'pingwu-2023.txt'), 'utf8');

const published: Record<StandardRowKey, number[]> = Object.fromEntries(standardRowKeys.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])) as Record<
  StandardRowKey,
  number[]
>;
published.new = [7, 0, 0, 0, 0, 0, 7];
published.partial = [2, 0, 0, 0, 0, 0, 2];
published.deny_third_party = [1, 0, 0, 0, 0, 0, 1];
published.unable_not_held = [3, 0, 0, 0, 0, 0, 3];
published.unable_need_create = [1, 0, 0, 0, 0, 0, 1];
published.total = [7, 0, 0, 0, 0, 0, 7];

describe('the seed report', () => {
  const { report, issues } = readReport(seed);

  it('reads body, year and every cell of 二, 三 and 四 exactly as published', () => {
    expect(report.body).toBe('平武县人民政府办公室');
    expect(report.year).toBe(2023);
    expect(report.section2).toEqual({ rules: [0, 0, 0], normative_docs: [2, 2, 8], licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0 });
    expect(report.rows).toEqual(published);
    expect(report.section4).toEqual({ review: [1, 0, 0, 0, 1], litigation_direct: [0, 1, 0, 0, 1], litigation_after_review: [0, 0, 0, 1, 1] });
    expect(issues).toEqual([]);
  });

  it('keeps the narrative of each section, without the tables', () => {
    expect(report.narrative.preamble).toMatch(/^平武县人民政府办公室 2023 年政府信息公开工作年度报告（以下简称年报）/);
    expect(report.narrative.section1).toContain('收到和处理政府信息公开申请 7 件');
    // The paragraph cut by a page break is joined again.
    expect(report.narrative.section1).toContain('围绕《平武县 2023 年政务公开工作要点》');
    expect(report.narrative.section2).toBe('');
    expect(report.narrative.section3).toBe('');
    expect(report.narrative.section4).toBe('');
    expect(report.narrative.section5).toMatch(/^2023年，平武县政府办公室/);
    expect(report.narrative.section6).toBe('本年度无收取信息处理费相关情况及其他需要报告的事项。');
  });

  it('satisfies every rule (X cannot be checked without last year)', () => {
    const checks = checkReport(report);
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'F1', 'N1'] as const) expect([id, checks[id].ok]).toEqual([id, true]);
    expect(checks.X.ok).toBeNull();
  });
});

// ---- Every single cell changed, one at a time ----------------------------------------------

interface SeedCell {
  line: number;
  field: number;
  value: number;
  ref: CellRef;
}

/** Locates each number of the seed's tables from the seed's own layout, independently of the reader. */
function seedCells(): SeedCell[] {
  const lines = seed.split('\n');
  const from = lines.indexOf('二、主动公开政府信息情况');
  const to = lines.indexOf('五、存在的主要问题及改进情况');
  const section2Keys: Record<string, Section2Key> = {
    规章: 'rules',
    行政规范性文件: 'normative_docs',
    行政许可: 'licensing',
    行政处罚: 'punishment',
    行政强制: 'coercion',
    行政事业性收费: 'fees_wan_yuan',
  };
  const cells: SeedCell[] = [];
  let table3Row = 0;
  for (let line = from; line < to; line++) {
    const fields = lines[line]!.split('\t');
    const numeric = fields.map((f, i) => (/^\d+$/.test(f) ? i : -1)).filter((i) => i >= 0);
    if (numeric.length === 0) continue;
    const key = section2Keys[fields[0]!];
    numeric.forEach((field, n) => {
      const value = Number(fields[field]);
      let ref: CellRef;
      if (key) {
        const docs = key === 'rules' || key === 'normative_docs';
        ref = { table: 'section2', row: key, column: docs ? (['issued', 'abolished', 'in_force'] as const)[n]! : 'value' };
      } else if (numeric.length === 7) {
        ref = { table: 'table3', row: standardRowKeys[table3Row]!, column: table3Columns[n]! };
      } else if (numeric.length === 15) {
        ref = { table: 'section4', row: section4Blocks[Math.floor(n / 5)]!, column: section4Columns[n % 5]! };
      } else {
        throw new Error(`unexpected line ${line}: ${lines[line]}`);
      }
      cells.push({ line, field, value, ref });
    });
    if (numeric.length === 7) table3Row++;
  }
  return cells;
}

function withField(line: number, field: number, text: string): string {
  const lines = seed.split('\n');
  const fields = lines[line]!.split('\t');
  fields[field] = text;
  lines[line] = fields.join('\t');
  return lines.join('\n');
}

function cellValue(report: ReturnType<typeof readReport>['report'], ref: CellRef): number | null {
  if (ref.table === 'table3') return report.rows[ref.row as StandardRowKey][table3Columns.indexOf(ref.column)]!;
  if (ref.table === 'section4') return report.section4[ref.row][section4Columns.indexOf(ref.column)]!;
  const v = report.section2[ref.row];
  return Array.isArray(v) ? v[['issued', 'abolished', 'in_force'].indexOf(ref.column)]! : v;
}

const names = (c: CellRef) => expect.objectContaining({ table: c.table, row: c.row, column: c.column });

/** The rules a change of this cell must break. */
function expectedRules(ref: CellRef): RuleId[] {
  if (ref.table === 'section4') return [({ review: 'R4', litigation_direct: 'R5', litigation_after_review: 'R6' } as const)[ref.row]];
  if (ref.table === 'section2') return ref.row === 'normative_docs' ? ['N1'] : [];
  const rules: RuleId[] = ['R2'];
  if (['new', 'carried_in', 'total', 'carried_out'].includes(ref.row)) rules.push('R1');
  if (ref.row !== 'new' && ref.row !== 'carried_in' && ref.row !== 'carried_out') rules.push('R3');
  return rules;
}

function brokenRules(checks: CheckResult): RuleId[] {
  return (Object.keys(checks) as RuleId[]).filter((id) => checks[id].ok === false);
}

describe('changing any single number of the seed', () => {
  const cells = seedCells();

  it('finds all 200 numbers of the tables', () => {
    expect(cells.filter((c) => c.ref.table === 'section2')).toHaveLength(10);
    expect(cells.filter((c) => c.ref.table === 'table3')).toHaveLength(25 * 7);
    expect(cells.filter((c) => c.ref.table === 'section4')).toHaveLength(15);
  });

  it.each(cells.map((c) => [`${c.ref.table}.${c.ref.row}.${c.ref.column}`, c] as const))('%s: the checker names the rule and the cell', (_, c) => {
    const { report } = readReport(withField(c.line, c.field, String(c.value + 1)));
    expect(cellValue(report, c.ref)).toBe(c.value + 1);
    const checks = checkReport(report);
    const expected = expectedRules(c.ref);
    for (const id of expected) {
      expect([id, checks[id].ok]).toEqual([id, false]);
      expect(checks[id].failures).toContainEqual(expect.objectContaining({ rule: id, cells: expect.arrayContaining([names(c.ref)]) }));
    }
    // Nothing else breaks, except N1 when the narrative quotes that very figure.
    const quoted = c.ref.table !== 'section2' && c.ref.column === 'total' && ['new', 'carried_in', 'carried_out', 'review', 'litigation_direct', 'litigation_after_review'].includes(c.ref.row);
    const others = brokenRules(checks).filter((id) => !expected.includes(id));
    expect(others).toEqual(quoted ? ['N1'] : []);
  });

  it.each(cells.filter((c) => c.ref.table !== 'section2').map((c) => [`${c.ref.table}.${c.ref.row}.${c.ref.column}`, c] as const))(
    '%s left empty: read as missing, reported, never a wrong number',
    (_, c) => {
      const { report, issues } = readReport(withField(c.line, c.field, ''));
      expect(cellValue(report, c.ref)).toBeNull();
      expect(issues.length).toBeGreaterThan(0);
      const checks = checkReport(report);
      expect(checks.F1.ok).toBe(false);
      expect(brokenRules(checks).filter((id) => id !== 'F1')).toEqual([]);
    },
  );
});
