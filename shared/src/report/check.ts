// The consistency rules (勾稽关系) of annual-report.md. Each rule returns every failure with
// the cells and numbers involved; `ok` is null when the rule could not be checked at all
// or only partly (a cell is missing, no previous year given) and nothing failed.

import { outcomeKeys } from '../outcomes';
import {
  section4Blocks,
  section4Columns,
  standardRowKeys,
  table3Columns,
  type AnnualReport,
  type Cell,
  type RowKey,
  type Section4Block,
  type Section4Column,
  type Table3Column,
} from './model';
import { rowLabel, rowShortName, section4BlockLabels, section4ColumnLabels, table3ColumnLabel } from './labels';
import { checkNarrative } from './narrative';
import { RuleAccumulator, ruleIds, type CellRef, type CheckOptions, type CheckResult, type Failure, type RuleResult } from './rules';

export * from './rules';

const cell3 = (row: RowKey, column: Table3Column): CellRef => ({ table: 'table3', row, column });
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function missing(cells: CellRef[], values: Cell[]): string {
  return cells
    .filter((_, i) => values[i] === null)
    .map((c) => (c.table === 'table3' ? `${rowShortName(c.row)}/${table3ColumnLabel(c.column)}` : `${section4BlockLabels[c.row as Section4Block]}/${section4ColumnLabels[c.column as Section4Column]}`))
    .join('、');
}

function get(report: AnnualReport, row: RowKey, c: number): Cell {
  return report.rows[row]?.[c] ?? null;
}

/** Outcome rows that R3 adds up for a column: the 2019 single row replaces the three 其他处理 rows when those are empty. */
function outcomeRowsFor(report: AnnualReport, c: number): RowKey[] {
  const single = report.rows.other_single;
  const threeEmpty = (['other_no_correction', 'other_unpaid_fee', 'other_misc'] as const).every((k) => get(report, k, c) === null);
  if (single && threeEmpty) return [...outcomeKeys.filter((k) => !k.startsWith('other_')), 'other_single'];
  return [...outcomeKeys];
}

function checkR1(report: AnnualReport): RuleResult {
  const acc = new RuleAccumulator('R1');
  table3Columns.forEach((column, c) => {
    const keys = ['new', 'carried_in', 'total', 'carried_out'] as const;
    const cells = keys.map((r) => cell3(r, column));
    const values = keys.map((r) => get(report, r, c));
    const label = `${table3ColumnLabel(column)}列`;
    if (values.some((v) => v === null)) return acc.skip(`${label}缺少${missing(cells, values)}`);
    acc.checked++;
    const [n, ci, t, co] = values as number[];
    if (n! + ci! !== t! + co!) {
      acc.fail(`${label}：新收${n} + 上年结转${ci} ≠ 总计${t} + 结转下年${co}（${n! + ci!} ≠ ${t! + co!}）`, cells, values);
    }
  });
  return acc.result();
}

function checkR2(report: AnnualReport): RuleResult {
  const acc = new RuleAccumulator('R2');
  const keys: RowKey[] = [...standardRowKeys, ...(report.rows.other_single ? (['other_single'] as const) : [])];
  for (const row of keys) {
    const cells = table3Columns.map((column) => cell3(row, column));
    const values = cells.map((_, c) => get(report, row, c));
    const label = `${rowShortName(row)}行`;
    if (values.every((v) => v === null)) {
      // In a 2019-style report the single 其他处理 row stands for the three 2021 rows.
      if (!(report.rows.other_single && row.startsWith('other_') && row !== 'other_single')) acc.skip(`${label}为空`);
      continue;
    }
    if (values.some((v) => v === null)) {
      acc.skip(`${label}缺少${missing(cells, values)}`);
      continue;
    }
    acc.checked++;
    const parts = values.slice(0, 6) as number[];
    const total = values[6] as number;
    if (sum(parts) !== total) {
      const terms = parts.map((v, i) => `${table3ColumnLabel(table3Columns[i]!)}${v}`).join(' + ');
      acc.fail(`${label}：${terms} = ${sum(parts)} ≠ 总计${total}`, cells, values);
    }
  }
  return acc.result();
}

function checkR3(report: AnnualReport): RuleResult {
  const acc = new RuleAccumulator('R3');
  table3Columns.forEach((column, c) => {
    const rows = outcomeRowsFor(report, c);
    const keys: RowKey[] = [...rows, 'total'];
    const cells = keys.map((r) => cell3(r, column));
    const values = keys.map((r) => get(report, r, c));
    const label = `${table3ColumnLabel(column)}列`;
    if (values.some((v) => v === null)) return acc.skip(`${label}缺少${missing(cells, values)}`);
    acc.checked++;
    const outcomesSum = sum(values.slice(0, -1) as number[]);
    const total = values[values.length - 1] as number;
    if (outcomesSum !== total) {
      const nonZero = rows.map((r, i) => [r, values[i] as number] as const).filter(([, v]) => v !== 0);
      const terms = nonZero.length === 0 ? '0' : nonZero.map(([r, v]) => `${rowShortName(r)}${v}`).join(' + ');
      acc.fail(`${label}：各办理结果之和 ${terms} = ${outcomesSum} ≠ 总计${total}`, cells, values);
    }
  });
  return acc.result();
}

function checkSection4Block(report: AnnualReport, block: Section4Block, rule: 'R4' | 'R5' | 'R6'): RuleResult {
  const acc = new RuleAccumulator(rule);
  const cells: CellRef[] = section4Columns.map((column) => ({ table: 'section4', row: block, column }));
  const values = section4Columns.map((_, i) => report.section4[block]?.[i] ?? null);
  const label = section4BlockLabels[block];
  if (values.some((v) => v === null)) {
    acc.skip(`${label}缺少${missing(cells, values)}`);
    return acc.result();
  }
  acc.checked++;
  const [u, c, o, p, t] = values as number[];
  if (u! + c! + o! + p! !== t) {
    acc.fail(`${label}：维持${u} + 纠正${c} + 其他${o} + 尚未审结${p} = ${u! + c! + o! + p!} ≠ 总计${t}`, cells, values);
  }
  return acc.result();
}

/** F1: the 25 rows of the 2021 format are there and filled, and table 四 is complete. */
function checkF1(report: AnnualReport): RuleResult {
  const acc = new RuleAccumulator('F1');
  acc.checked++;
  const single = report.rows.other_single;
  for (const row of standardRowKeys) {
    const values = report.rows[row] ?? [];
    const cells = table3Columns.map((column) => cell3(row, column));
    const cellValues = cells.map((_, c) => values[c] ?? null);
    if (cellValues.every((v) => v === null)) {
      if (single && row.startsWith('other_')) continue; // reported once below
      acc.fail(`缺少行或整行为空：${rowLabel(row)}`, cells, cellValues);
    } else if (cellValues.some((v) => v === null)) {
      acc.fail(`${rowShortName(row)}行有空单元格：${missing(cells, cellValues)}`, cells.filter((_, c) => cellValues[c] === null), cellValues.filter((v) => v === null));
    }
  }
  if (single) {
    const cells = table3Columns.map((column) => cell3('other_single', column));
    acc.fail('（六）其他处理印成了一行（2019年格式），2021年格式应分为“1.逾期不补正”“2.逾期未缴费”“3.其他”三行', cells, cells.map((_, c) => single[c] ?? null));
  }
  for (const block of section4Blocks) {
    const cells: CellRef[] = section4Columns.map((column) => ({ table: 'section4', row: block, column }));
    const values = section4Columns.map((_, i) => report.section4[block]?.[i] ?? null);
    if (values.some((v) => v === null)) {
      acc.fail(`表四${section4BlockLabels[block]}有空单元格：${missing(cells, values)}`, cells.filter((_, i) => values[i] === null), values.filter((v) => v === null));
    }
  }
  return acc.result();
}

/** X: this year's 上年结转 equals last year's 结转下年度继续办理, column by column. */
function checkX(report: AnnualReport, previous: AnnualReport | undefined): RuleResult {
  const acc = new RuleAccumulator('X');
  if (!previous) {
    acc.skip('未提供上年度报告');
    return acc.result();
  }
  if (report.year !== null && previous.year !== null && previous.year !== report.year - 1) {
    acc.skip(`所给上年度报告是${previous.year}年度的，不是${report.year - 1}年度的`);
    return acc.result();
  }
  table3Columns.forEach((column, c) => {
    const now = get(report, 'carried_in', c);
    const before = get(previous, 'carried_out', c);
    const label = `${table3ColumnLabel(column)}列`;
    if (now === null || before === null) return acc.skip(`${label}缺少数据`);
    acc.checked++;
    if (now !== before) {
      acc.fail(`${label}：本年上年结转${now} ≠ 上年度报告结转下年度继续办理${before}`, [cell3('carried_in', column)], [now, before]);
    }
  });
  return acc.result();
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): CheckResult {
  return {
    R1: checkR1(report),
    R2: checkR2(report),
    R3: checkR3(report),
    R4: checkSection4Block(report, 'review', 'R4'),
    R5: checkSection4Block(report, 'litigation_direct', 'R5'),
    R6: checkSection4Block(report, 'litigation_after_review', 'R6'),
    F1: checkF1(report),
    X: checkX(report, options.previous),
    N1: checkNarrative(report),
  };
}

/** True when no rule is broken (rules that could not be checked do not count as broken). */
export function allRulesHold(result: CheckResult): boolean {
  return ruleIds.every((id) => result[id].ok !== false);
}

export function allFailures(result: CheckResult): Failure[] {
  return ruleIds.flatMap((id) => result[id].failures);
}
