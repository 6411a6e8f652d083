// The headline figures of a report — what the share cards and the share page show: received,
// concluded, on-time rate (when the records allow it), items proactively published, and
// reconsideration/litigation cases; plus the outcome mix of the concluded requests. Built from
// a resolved edition only, so a published edition's headline (and so its cards) never changes.
import { reportTitleSuffix } from '@zwgk/shared';
import { outcomeGroupTotals } from './figures';
import type { ResolvedReport } from './view';

export interface HeadlineFigure {
  key: 'received' | 'concluded' | 'on_time_rate' | 'proactive' | 'cases';
  label: string;
  value: string;
  unit: string;
  /** A short breakdown under the figure ("复议1 · 诉讼2"). */
  detail?: string;
}

export interface Headline {
  bodyId: string;
  body: string;
  year: number;
  title: string;
  /** "2024年1月20日发布", "2024年3月1日更正", "草稿 · 未发布", "历史报告（导入）". */
  stamp: string;
  draft: boolean;
  figures: HeadlineFigure[];
  outcomes: Array<{ label: string; value: number }>;
  /** 数据来源 line. */
  source: string;
}

export function chineseDate(on: string): string {
  const [y, m, d] = on.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  return Number.isInteger(p) ? String(p) : p.toFixed(1);
}

export function headlineOf(r: ResolvedReport, bodyNameFallback: string): Headline {
  const { report, figures: f } = r.data;
  const body = report.body ?? bodyNameFallback;
  const figures: HeadlineFigure[] = [];
  const add = (key: HeadlineFigure['key'], label: string, value: number | null, unit: string, detail?: string) => {
    if (value !== null) figures.push({ key, label, value: String(value), unit, ...(detail ? { detail } : {}) });
  };
  const carriedIn = f['requests.carried_in'];
  add('received', '收到申请', f['requests.new'], '件', carriedIn ? `另上年结转${carriedIn}件` : undefined);
  const carriedOut = f['requests.carried_out'];
  add('concluded', '办结', f['requests.concluded'], '件', carriedOut ? `结转下年${carriedOut}件` : undefined);
  const onTime = f['requests.on_time'];
  const base = f['requests.on_time_base'];
  if (onTime !== null && base) figures.push({ key: 'on_time_rate', label: '按时办结率', value: percent(onTime, base), unit: '%', detail: `${onTime}/${base}件按期答复` });
  add('proactive', '主动公开信息', f['content.total'], '条', f['content.documents'] ? `其中文件${f['content.documents']}件` : undefined);
  const review = f['cases.review'];
  const litigation = f['cases.litigation'];
  if (review !== null && litigation !== null) add('cases', '行政复议·诉讼', review + litigation, '件', `复议${review} · 诉讼${litigation}`);

  const stamp =
    r.edition === null
      ? '草稿 · 未发布'
      : r.edition.kind === 'imported'
        ? '历史报告'
        : `${chineseDate(r.edition.on)}${r.edition.kind === 'correction' ? '更正' : '发布'}`;
  return {
    bodyId: r.bodyId,
    body,
    year: r.year,
    title: `${r.year}年${reportTitleSuffix}`,
    stamp,
    draft: r.edition === null,
    figures,
    outcomes: outcomeGroupTotals(report).flatMap((o) => (o.value ? [{ label: o.label, value: o.value }] : [])),
    source: `数据来源：${body}${r.year}年${reportTitleSuffix}`,
  };
}
