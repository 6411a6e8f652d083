// N1: figures the narrative quotes ("收到和处理政府信息公开申请 7 件", "结转下年度继续办理 0 件",
// "行政复议 1 件、行政诉讼 2 件", "制发行政规范性文件 2 件，废止 2 件，现行有效 8 件") must
// equal the tables. The patterns look for a keyword, a short gap inside the same clause
// (no digits, no clause break) and a number with a counting word; a phrase that mentions
// something else in the gap (复议 in a request count, 维持 in a review count) is ignored
// rather than risk a false alarm.

import { narrativeKeys, type AnnualReport, type Cell, type Narrative } from './model';
import { RuleAccumulator, type CellRef, type RuleResult } from './rules';
import { chineseNumeralChars, parseTextNumber } from './numbers';

export type NarrativeFigureKey =
  | 'new'
  | 'carried_in'
  | 'carried_out'
  | 'concluded'
  | 'review'
  | 'litigation'
  | 'rules_issued'
  | 'rules_abolished'
  | 'rules_in_force'
  | 'normative_issued'
  | 'normative_abolished'
  | 'normative_in_force';

export interface NarrativeFigure {
  key: NarrativeFigureKey;
  value: number;
  /** The phrase as found (after NFKC normalisation). */
  quote: string;
  section: keyof Narrative;
}

const NUM = `(\\d{1,3}(?:,\\d{3})+|\\d+|[${chineseNumeralChars}]+)`;
/** Inside one clause: no digits, no clause or sentence break. */
const gap = (n: number) => `[^。;；,，:：\\n\\d]{0,${n}}?`;
const COUNT = `\\s*(?:件|起|宗|个|次|份|条)`;

interface Pattern {
  key: NarrativeFigureKey;
  re: RegExp;
  /** Words that, inside the match, mean it is about something else. */
  exclude?: RegExp;
}

const patterns: Pattern[] = [
  {
    key: 'new',
    re: new RegExp(`(?:新收|收到|受理|接收|收悉|接到)${gap(20)}申请${gap(8)}\\s*${NUM}${COUNT}`, 'g'),
    exclude: /复议|诉讼|结转|上年|下年|咨询/,
  },
  { key: 'carried_in', re: new RegExp(`(?:上一?年度?结转|结转上一?年度?)${gap(20)}\\s*${NUM}${COUNT}`, 'g') },
  { key: 'carried_out', re: new RegExp(`(?:结转(?:至|到)?下一?年度?|转入下一?年度?)${gap(20)}\\s*${NUM}${COUNT}`, 'g') },
  { key: 'concluded', re: new RegExp(`办结${gap(12)}\\s*${NUM}${COUNT}`, 'g'), exclude: /结转|上年|复议|诉讼/ },
  { key: 'review', re: new RegExp(`行政复议${gap(12)}\\s*${NUM}${COUNT}`, 'g'), exclude: /维持|纠正|撤销|审结|结果|诉讼|决定/ },
  { key: 'litigation', re: new RegExp(`行政诉讼${gap(12)}\\s*${NUM}${COUNT}`, 'g'), exclude: /维持|纠正|撤销|审结|结果|判决|复议/ },
];

/** "行政复议、行政诉讼各 1 件". */
const bothEach = new RegExp(`行政复议(?:案件)?[和、及与]行政诉讼(?:案件)?各\\s*${NUM}${COUNT}`, 'g');
/** "未发生行政复议、行政诉讼", "无行政复议和行政诉讼案件", "未出现申请行政复议、提起行政诉讼的情况". */
const none = /(?:未(?:发生|出现|收到|产生|有|涉及|被)|没有|无)([^。;；,，\n\d]{0,30})/g;

function sentences(text: string): string[] {
  return text.split(/[。;；\n]/);
}

/** Figures for 规章 / 行政规范性文件: a subject, then verb + number pairs that refer back to it. */
function documentFigures(text: string, section: keyof Narrative): NarrativeFigure[] {
  const found: NarrativeFigure[] = [];
  const token = new RegExp(`(规章(?!制度)|规范性文件)|(制发|印发|出台|新制定|制定|新增)|(废止|宣布失效)|(现行有效|继续有效)|${NUM}\\s*(?:件|部|个|份)`, 'g');
  for (const sentence of sentences(text)) {
    if (!/规章|规范性文件/.test(sentence)) continue;
    let subject: 'rules' | 'normative' | null = null;
    let verb: 'issued' | 'abolished' | 'in_force' | null = null;
    let start = 0;
    for (const m of sentence.matchAll(token)) {
      if (m[1]) {
        subject = m[1].startsWith('规章') ? 'rules' : 'normative';
        if (verb === null) start = m.index;
      } else if (m[2] || m[3] || m[4]) {
        verb = m[2] ? 'issued' : m[3] ? 'abolished' : 'in_force';
        start = m.index;
      } else if (m[5] !== undefined) {
        const value = parseTextNumber(m[5]);
        if (subject && verb && value !== null) {
          found.push({ key: `${subject}_${verb}`, value, quote: sentence.slice(start, m.index + m[0].length), section });
        }
        verb = null;
      }
    }
  }
  return found;
}

/** Every checkable figure quoted in a piece of narrative. */
export function findFiguresInText(raw: string, section: keyof Narrative = 'section1'): NarrativeFigure[] {
  const text = raw.normalize('NFKC');
  const found: NarrativeFigure[] = [];
  for (const p of patterns) {
    for (const m of text.matchAll(p.re)) {
      if (p.exclude && p.exclude.test(m[0].slice(0, m[0].lastIndexOf(m[1]!)))) continue;
      const value = parseTextNumber(m[1]!);
      if (value !== null) found.push({ key: p.key, value, quote: m[0].trim(), section });
    }
  }
  for (const m of text.matchAll(bothEach)) {
    const value = parseTextNumber(m[1]!);
    if (value === null) continue;
    found.push({ key: 'review', value, quote: m[0], section }, { key: 'litigation', value, quote: m[0], section });
  }
  for (const m of text.matchAll(none)) {
    const clause = m[1]!;
    if (/行政复议/.test(clause) && !found.some((f) => f.key === 'review' && m[0].includes(f.quote))) {
      found.push({ key: 'review', value: 0, quote: m[0], section });
    }
    if (/行政诉讼/.test(clause)) found.push({ key: 'litigation', value: 0, quote: m[0], section });
  }
  found.push(...documentFigures(text, section));
  // One phrase read by two patterns ("行政复议、行政诉讼各 1 件") counts once.
  return found.filter((f, i) => !found.some((g, j) => j !== i && g.key === f.key && g.value === f.value && g.quote.length > f.quote.length && g.quote.includes(f.quote)));
}

export function findNarrativeFigures(narrative: Narrative): NarrativeFigure[] {
  return narrativeKeys.flatMap((key) => findFiguresInText(narrative[key] ?? '', key));
}

const figureNames: Record<NarrativeFigureKey, string> = {
  new: '表三本年新收（总计列）',
  carried_in: '表三上年结转（总计列）',
  carried_out: '表三结转下年度继续办理（总计列）',
  concluded: '表三办理结果总计（总计列）',
  review: '表四行政复议总计',
  litigation: '表四行政诉讼总计（直接起诉 + 复议后起诉）',
  rules_issued: '表二规章本年制发件数',
  rules_abolished: '表二规章本年废止件数',
  rules_in_force: '表二规章现行有效件数',
  normative_issued: '表二行政规范性文件本年制发件数',
  normative_abolished: '表二行政规范性文件本年废止件数',
  normative_in_force: '表二行政规范性文件现行有效件数',
};

/** The table cells a figure is compared with, and the table's value (null if a cell is missing). */
function tableValue(report: AnnualReport, key: NarrativeFigureKey): { cells: CellRef[]; value: Cell } {
  const t3 = (row: 'new' | 'carried_in' | 'carried_out' | 'total'): { cells: CellRef[]; value: Cell } => ({
    cells: [{ table: 'table3', row, column: 'total' }],
    value: report.rows[row]?.[6] ?? null,
  });
  const doc = (row: 'rules' | 'normative_docs', i: number) => ({
    cells: [{ table: 'section2', row, column: (['issued', 'abolished', 'in_force'] as const)[i]! }] as CellRef[],
    value: report.section2[row]?.[i] ?? null,
  });
  switch (key) {
    case 'new':
      return t3('new');
    case 'carried_in':
      return t3('carried_in');
    case 'carried_out':
      return t3('carried_out');
    case 'concluded':
      return t3('total');
    case 'review':
      return { cells: [{ table: 'section4', row: 'review', column: 'total' }], value: report.section4.review?.[4] ?? null };
    case 'litigation': {
      const a = report.section4.litigation_direct?.[4] ?? null;
      const b = report.section4.litigation_after_review?.[4] ?? null;
      return {
        cells: [
          { table: 'section4', row: 'litigation_direct', column: 'total' },
          { table: 'section4', row: 'litigation_after_review', column: 'total' },
        ],
        value: a === null || b === null ? null : a + b,
      };
    }
    case 'rules_issued':
      return doc('rules', 0);
    case 'rules_abolished':
      return doc('rules', 1);
    case 'rules_in_force':
      return doc('rules', 2);
    case 'normative_issued':
      return doc('normative_docs', 0);
    case 'normative_abolished':
      return doc('normative_docs', 1);
    case 'normative_in_force':
      return doc('normative_docs', 2);
  }
}

export function checkNarrative(report: AnnualReport): RuleResult {
  const acc = new RuleAccumulator('N1');
  const seen = new Set<string>();
  const figures = findNarrativeFigures(report.narrative);
  for (const f of figures) {
    const id = `${f.key}:${f.value}:${f.quote}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const { cells, value } = tableValue(report, f.key);
    if (value === null) {
      acc.skip(`正文“${f.quote}”无法核对：${figureNames[f.key]}为空`);
      continue;
    }
    acc.checked++;
    if (value !== f.value) {
      acc.fail(`正文“${f.quote}”为${f.value}，与${figureNames[f.key]}${value}不符`, cells, [f.value, value], f.quote);
    }
  }
  if (figures.length === 0) acc.skip('正文未引用可核对的数字');
  return acc.result();
}
