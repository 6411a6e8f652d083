// The annual report (政府信息公开工作年度报告) as data, in the 2021 format of
// 国办公开办函〔2021〕30号. Keys are exactly those of shared/domain/annual-report.md.
// A cell is null when the report does not give it: a reader must never guess a number.

import { applicantTypeKeys, type ApplicantType } from '../applicants';
import { outcomeKeys, type OutcomeKey } from '../outcomes';

export type Cell = number | null;

// ---- Section 二: proactive disclosure (条例 Art. 20 items 1, 5, 6, 8) -------------------

/** Column order of the 第二十条第（一）项 rows: 本年制发件数 · 本年废止件数 · 现行有效件数. */
export const documentColumns = ['issued', 'abolished', 'in_force'] as const;
export type DocumentColumn = (typeof documentColumns)[number];

export interface Section2 {
  /** 规章 [issued, abolished, in_force] */
  rules: Cell[];
  /** 行政规范性文件 [issued, abolished, in_force] */
  normative_docs: Cell[];
  /** 行政许可 本年处理决定数量 */
  licensing: Cell;
  /** 行政处罚 本年处理决定数量 */
  punishment: Cell;
  /** 行政强制 本年处理决定数量 */
  coercion: Cell;
  /** 行政事业性收费 本年收费金额（单位：万元）; may be a decimal. */
  fees_wan_yuan: Cell;
}

export const section2DocumentKeys = ['rules', 'normative_docs'] as const;
export const section2SingleKeys = ['licensing', 'punishment', 'coercion', 'fees_wan_yuan'] as const;
export type Section2Key = (typeof section2DocumentKeys)[number] | (typeof section2SingleKeys)[number];

// ---- Section 三: requests received and handled -------------------------------------------

/** The seven columns of table 三, in printed order: six applicant types, then 总计. */
export const table3Columns = [...applicantTypeKeys, 'total'] as const;
export type Table3Column = ApplicantType | 'total';

/** Rows of the 2021 format, in printed order (25 rows). */
export type StandardRowKey = 'new' | 'carried_in' | OutcomeKey | 'total' | 'carried_out';
export const standardRowKeys: ReadonlyArray<StandardRowKey> = ['new', 'carried_in', ...outcomeKeys, 'total', 'carried_out'];

/** 2019-style reports print （六）其他处理 as one row; a reader keeps it under this key. */
export type RowKey = StandardRowKey | 'other_single';

/** Table 三: every 2021 row is always present (null cells when the report lacks them);
 *  `other_single` only when the report used the 2019 single （六）其他处理 row. */
export type Table3Rows = Record<StandardRowKey, Cell[]> & { other_single?: Cell[] };

// ---- Section 四: reconsideration and litigation -------------------------------------------

export const section4Blocks = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type Section4Block = (typeof section4Blocks)[number];
export const section4Columns = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Section4Column = (typeof section4Columns)[number];
export type Section4 = Record<Section4Block, Cell[]>;

// ---- The whole report ---------------------------------------------------------------------

export interface Narrative {
  /** Text between the title and 一、总体情况 (legal basis, statistics period, contact). */
  preamble: string;
  section1: string;
  section2: string;
  section3: string;
  section4: string;
  section5: string;
  section6: string;
}
export const narrativeKeys = ['preamble', 'section1', 'section2', 'section3', 'section4', 'section5', 'section6'] as const;

export interface AnnualReport {
  /** Reporting body as printed in the title; null when a reader could not find it. */
  body: string | null;
  /** Reporting year; null when a reader could not find it. */
  year: number | null;
  /** Free text of each section, paragraphs separated by "\n" (tables excluded). */
  narrative: Narrative;
  section2: Section2;
  rows: Table3Rows;
  section4: Section4;
}

function nulls(n: number): Cell[] {
  return Array.from({ length: n }, () => null);
}

export function emptySection2(): Section2 {
  return { rules: nulls(3), normative_docs: nulls(3), licensing: null, punishment: null, coercion: null, fees_wan_yuan: null };
}

export function emptyRows(): Table3Rows {
  const rows = {} as Table3Rows;
  for (const key of standardRowKeys) rows[key] = nulls(table3Columns.length);
  return rows;
}

export function zeroRows(): Table3Rows {
  const rows = {} as Table3Rows;
  for (const key of standardRowKeys) rows[key] = table3Columns.map(() => 0);
  return rows;
}

export function emptySection4(): Section4 {
  return { review: nulls(5), litigation_direct: nulls(5), litigation_after_review: nulls(5) };
}

export function emptyNarrative(): Narrative {
  return { preamble: '', section1: '', section2: '', section3: '', section4: '', section5: '', section6: '' };
}

export function emptyReport(): AnnualReport {
  return {
    body: null,
    year: null,
    narrative: emptyNarrative(),
    section2: emptySection2(),
    rows: emptyRows(),
    section4: emptySection4(),
  };
}

/** Rows counted in R3 (every outcome row, or the 2019 single row in place of the three 其他处理 rows). */
export function isOutcomeRow(key: RowKey): boolean {
  return key !== 'new' && key !== 'carried_in' && key !== 'total' && key !== 'carried_out';
}
