// What a rule check reports: the rule, the cells (row key + column) and the numbers involved.

import type { AnnualReport, Cell, RowKey, Section2Key, Section4Block, Section4Column, Table3Column } from './model';

export const ruleIds = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'F1', 'X', 'N1'] as const;
export type RuleId = (typeof ruleIds)[number];

export type CellRef =
  | { table: 'table3'; row: RowKey; column: Table3Column }
  | { table: 'section4'; row: Section4Block; column: Section4Column }
  | { table: 'section2'; row: Section2Key; column: 'issued' | 'abolished' | 'in_force' | 'value' };

export interface Failure {
  rule: RuleId;
  /** Chinese, for the person fixing the report: "R1 自然人列：新收7 + 上年结转0 ≠ 总计6 + 结转下年0". */
  message: string;
  cells: CellRef[];
  /** The numbers involved, in the order of `cells` (for N1: [quoted, table]). */
  values: Cell[];
  /** N1 only: the narrative phrase that quotes the figure. */
  quote?: string;
}

export interface RuleResult {
  /** true: holds everywhere; false: at least one failure; null: could not be (fully) checked and nothing failed. */
  ok: boolean | null;
  failures: Failure[];
  /** Why the rule could not be (fully) checked, when ok is null. */
  skipped?: string;
}

export type CheckResult = Record<RuleId, RuleResult>;

export interface CheckOptions {
  /** Last year's report of the same body, for X. */
  previous?: AnnualReport;
}

/** Accumulates one rule's failures and the checks it could not make. */
export class RuleAccumulator {
  readonly failures: Failure[] = [];
  readonly skips: string[] = [];
  checked = 0;
  constructor(readonly rule: RuleId) {}
  fail(message: string, cells: CellRef[], values: Cell[], quote?: string): void {
    this.failures.push({ rule: this.rule, message: `${this.rule} ${message}`, cells, values, ...(quote === undefined ? {} : { quote }) });
  }
  skip(reason: string): void {
    this.skips.push(reason);
  }
  result(): RuleResult {
    if (this.failures.length > 0) return { ok: false, failures: this.failures };
    if (this.skips.length > 0 || this.checked === 0) {
      return { ok: null, failures: [], skipped: this.skips.length > 0 ? this.skips.join('；') : '没有可核对的数据' };
    }
    return { ok: true, failures: [] };
  }
}
