// The figures a report quotes in its narrative and shows on share cards. Those of the tables
// (申请, 复议诉讼, 规范性文件) are read from the report itself, so a draft, a published edition
// and an imported historical report give them alike; those of published content (section 一:
// 文件, 解读, 概况…, new-media posts) and the on-time rate come from the records and are null
// for an imported report.
//
// Staff write the narrative with {{key}} tokens ("收到和处理政府信息公开申请{{requests.new}}件"),
// replaced by the figure when the report is composed, so a quoted number can never disagree
// with the table (rule N1) — and a number typed by hand still gets checked by N1.
import { outcomeGroups, type AnnualReport, type MediaCounts, type Narrative, type OutcomeGroup, outcome, outcomeKeys } from '@zwgk/shared';

export const figureDefinitions = [
  { key: 'requests.new', label: '本年新收申请', from: 'tables' },
  { key: 'requests.carried_in', label: '上年结转申请', from: 'tables' },
  { key: 'requests.concluded', label: '本年办结申请（办理结果总计）', from: 'tables' },
  { key: 'requests.carried_out', label: '结转下年度继续办理', from: 'tables' },
  { key: 'requests.on_time', label: '按期答复的申请（本年办结中）', from: 'records' },
  { key: 'requests.on_time_base', label: '可核算期限的本年办结申请', from: 'records' },
  { key: 'cases.review', label: '行政复议案件', from: 'tables' },
  { key: 'cases.litigation', label: '行政诉讼案件', from: 'tables' },
  { key: 'normative.issued', label: '本年制发行政规范性文件', from: 'tables' },
  { key: 'normative.abolished', label: '本年废止行政规范性文件', from: 'tables' },
  { key: 'normative.in_force', label: '现行有效行政规范性文件', from: 'tables' },
  { key: 'rules.issued', label: '本年制发规章', from: 'tables' },
  { key: 'rules.abolished', label: '本年废止规章', from: 'tables' },
  { key: 'rules.in_force', label: '现行有效规章', from: 'tables' },
  { key: 'content.total', label: '主动公开信息（条）', from: 'content' },
  { key: 'content.documents', label: '以本机关名义制发的文件', from: 'content' },
  { key: 'content.policy_document', label: '政策文件', from: 'content' },
  { key: 'content.interpretation', label: '政策解读', from: 'content' },
  { key: 'content.overview', label: '概况信息', from: 'content' },
  { key: 'content.meeting', label: '会议信息', from: 'content' },
  { key: 'content.plan', label: '规划计划信息', from: 'content' },
  { key: 'media.original', label: '政务新媒体原创信息', from: 'content' },
  { key: 'media.repost', label: '政务新媒体转发信息', from: 'content' },
] as const;

export type FigureKey = (typeof figureDefinitions)[number]['key'];
export const figureKeys: FigureKey[] = figureDefinitions.map((f) => f.key);

export type ReportFigures = Record<FigureKey, number | null>;

const total = (cells: ReadonlyArray<number | null> | undefined, i: number): number | null => cells?.[i] ?? null;
const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** Figures that can be read from the tables of any report. */
export function tableFigures(report: AnnualReport): Pick<ReportFigures, Extract<FigureKey, `requests.${string}` | `cases.${string}` | `normative.${string}` | `rules.${string}`>> {
  return {
    'requests.new': total(report.rows.new, 6),
    'requests.carried_in': total(report.rows.carried_in, 6),
    'requests.concluded': total(report.rows.total, 6),
    'requests.carried_out': total(report.rows.carried_out, 6),
    'requests.on_time': null,
    'requests.on_time_base': null,
    'cases.review': total(report.section4.review, 4),
    'cases.litigation': plus(total(report.section4.litigation_direct, 4), total(report.section4.litigation_after_review, 4)),
    'normative.issued': report.section2.normative_docs[0] ?? null,
    'normative.abolished': report.section2.normative_docs[1] ?? null,
    'normative.in_force': report.section2.normative_docs[2] ?? null,
    'rules.issued': report.section2.rules[0] ?? null,
    'rules.abolished': report.section2.rules[1] ?? null,
    'rules.in_force': report.section2.rules[2] ?? null,
  };
}

/** Figures of published content and new-media posts (section 一). */
export function contentFigures(media: MediaCounts | null): Pick<ReportFigures, Extract<FigureKey, `content.${string}` | `media.${string}`>> {
  if (!media) {
    return {
      'content.total': null,
      'content.documents': null,
      'content.policy_document': null,
      'content.interpretation': null,
      'content.overview': null,
      'content.meeting': null,
      'content.plan': null,
      'media.original': null,
      'media.repost': null,
    };
  }
  const c = media.itemsByCategory;
  return {
    'content.total': Object.values(c).reduce((a, b) => a + b, 0),
    'content.documents': media.documents,
    'content.policy_document': c.policy_document,
    'content.interpretation': c.interpretation,
    'content.overview': c.overview,
    'content.meeting': c.meeting,
    'content.plan': c.plan,
    'media.original': media.newMedia.original,
    'media.repost': media.newMedia.repost,
  };
}

export function figuresOf(report: AnnualReport, media: MediaCounts | null, onTime: { onTime: number; base: number } | null): ReportFigures {
  return {
    ...tableFigures(report),
    ...contentFigures(media),
    'requests.on_time': onTime?.onTime ?? null,
    'requests.on_time_base': onTime?.base ?? null,
  };
}

/** Requests concluded in the year, by outcome group (予以公开 … 其他处理), from the 总计 column. */
export function outcomeGroupTotals(report: AnnualReport): Array<{ group: OutcomeGroup; label: string; value: number | null }> {
  return outcomeGroups.map(({ group, label }) => {
    let value: number | null = 0;
    for (const key of outcomeKeys) {
      if (outcome(key).group !== group) continue;
      const v = report.rows[key]?.[6] ?? null;
      value = value === null || v === null ? null : value + v;
    }
    return { group, label, value };
  });
}

// ---- Narrative tokens -----------------------------------------------------------------------

const TOKEN = /\{\{\s*([a-z_.]+)\s*\}\}/g;

export interface Substituted {
  text: string;
  /** Tokens that are not figures (left as typed). */
  unknown: string[];
  /** Tokens of figures this report does not have (printed as "—"). */
  unavailable: string[];
}

export function substituteFigures(text: string, figures: ReportFigures, context: { body: string; year: number }): Substituted {
  const unknown: string[] = [];
  const unavailable: string[] = [];
  const out = text.replace(TOKEN, (whole, key: string) => {
    if (key === 'body') return context.body;
    if (key === 'year') return String(context.year);
    if (!(figureKeys as string[]).includes(key)) {
      unknown.push(whole);
      return whole;
    }
    const value = figures[key as FigureKey];
    if (value === null) {
      unavailable.push(key);
      return '—';
    }
    return String(value);
  });
  return { text: out, unknown, unavailable };
}

export function substituteNarrative(narrative: Narrative, figures: ReportFigures, context: { body: string; year: number }): { narrative: Narrative; warnings: string[] } {
  const warnings: string[] = [];
  const result = { ...narrative };
  for (const key of Object.keys(narrative) as Array<keyof Narrative>) {
    const s = substituteFigures(narrative[key] ?? '', figures, context);
    result[key] = s.text;
    for (const t of s.unknown) warnings.push(`正文中的 ${t} 不是可引用的数据项`);
    for (const k of s.unavailable) warnings.push(`正文引用的数据项 {{${k}}} 没有数据，已印为“—”`);
  }
  return { narrative: result, warnings };
}

/**
 * The narrative a new draft starts from: the usual structure of section 一 with every figure
 * quoted through a token, and placeholders where only the office can write (五、六).
 */
export function defaultNarrative(): Narrative {
  return {
    preamble:
      '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。本报告中所列数据的统计期限自{{year}}年1月1日起至{{year}}年12月31日止。',
    section1: [
      '（一）主动公开',
      '{{year}}年，{{body}}主动公开以本机关名义制发的各类文件{{content.documents}}件，其中政策文件{{content.policy_document}}件，同步发布解读{{content.interpretation}}条；主动公开概况信息{{content.overview}}条、会议信息{{content.meeting}}条、规划计划信息{{content.plan}}条；政务新媒体发布原创类信息{{media.original}}条、转发重要信息{{media.repost}}条。',
      '（二）依申请公开',
      '{{year}}年，收到和处理政府信息公开申请{{requests.new}}件，结转上年度办理信息公开申请{{requests.carried_in}}件，结转下年度继续办理{{requests.carried_out}}件。因政府信息公开申请引起的行政复议{{cases.review}}件、行政诉讼{{cases.litigation}}件。',
      '（三）政府信息管理',
      '本年制发行政规范性文件{{normative.issued}}件，废止{{normative.abolished}}件，现行有效{{normative.in_force}}件。',
      '（四）公开平台建设',
      '（五）监督保障',
    ].join('\n'),
    section2: '',
    section3: '',
    section4: '',
    section5: '',
    section6: '本年度未收取信息处理费。',
  };
}
