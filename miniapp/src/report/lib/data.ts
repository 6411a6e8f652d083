// Loading a body's annual report for the figures and share pages, and the numbers they show.
import { isOutcomeRow, outcome, outcomeGroups, standardRowKeys, type OutcomeGroup, type OutcomeKey, type ReportJson, type RowKey } from '@zwgk/shared';
import { reportsApi, type ReportView } from '../../api/citizen';
import { ApiError } from '../../api/client';
import { absoluteUrl } from '../../api/urls';
import { useData } from '../../hooks/use-data';
import { pageUrl } from '../../routes';

export const DEFAULT_BODY = 'pingwu-gov-office';
/** The first year of the 2019 regulation's reports. */
export const FIRST_YEAR = 2019;

export function latestYear(today = new Date()): number {
  return today.getFullYear() - 1;
}

export function reportYears(today = new Date()): number[] {
  const out: number[] = [];
  for (let y = latestYear(today); y >= FIRST_YEAR; y -= 1) out.push(y);
  return out;
}

export interface ReportState {
  view: ReportView | undefined;
  error: string | undefined;
  loading: boolean;
  /** The year shown (the latest published one when none was asked for). */
  year: number | undefined;
}

/**
 * The report of `bodyId` for `year`; without a year, the most recent year that has a published
 * report (looking back a few years).
 */
export function useReport(bodyId: string, year: number | undefined): ReportState {
  const tries = year ? [year] : reportYears().slice(0, 4);
  const { data, error, loading } = useData(
    async () => {
      for (const y of tries) {
        try {
          return await reportsApi.get(bodyId, y);
        } catch (e) {
          // Not published that year: look a year further back; any other failure is the answer.
          if (!(e instanceof ApiError) || e.status !== 404 || y === tries[tries.length - 1]) throw e;
        }
      }
      throw new Error('unreachable: tries is never empty');
    },
    [bodyId, year],
    // A published report does not change while it is read; a report computed on first view takes long.
    { showAgain: false, pullDown: false, clearOnChange: true },
  );
  return { view: data, error, loading, year: data?.year ?? (error ? tries[0] : year) };
}

/** A link the server gave as an absolute public URL, as this build must open it (same origin on H5). */
export function openable(link: string | undefined): string {
  if (!link) return '';
  const path = link.replace(/^https?:\/\/[^/]+/, '');
  return absoluteUrl(path);
}

export interface ShareInfo {
  title: string;
  /** The page that opens the same figures for the receiver. */
  path: string;
  query: string;
  chatImage: string;
  momentsImage: string;
  poster: string;
  sharePage: string;
}

export function shareInfo(view: ReportView, bodyName: string): ShareInfo {
  const query = `body=${encodeURIComponent(view.bodyId)}&year=${view.year}`;
  const n = view.figures['requests.new'];
  return {
    title: `${bodyName}${view.year}年政务公开数据${n !== null && n !== undefined ? `：收到申请${n}件` : ''}`,
    path: pageUrl('reportFigures', { body: view.bodyId, year: String(view.year) }),
    query,
    chatImage: openable(view.links['chat']),
    momentsImage: openable(view.links['moments']),
    poster: openable(view.links['poster']),
    sharePage: openable(view.links['share']),
  };
}

/** The outcome groups of the year's concluded requests (table 三, 总计 column); null when unreported. */
export function outcomeBreakdown(report: ReportJson): Array<{ group: OutcomeGroup; label: string; count: number | null }> {
  const total = (key: RowKey) => report.rows[key]?.[6] ?? null;
  return outcomeGroups.map(({ group, label }) => {
    const keys: RowKey[] = standardRowKeys.filter((k) => isOutcomeRow(k) && outcome(k as OutcomeKey).group === group);
    if (group === 'other' && report.rows.other_single) keys.push('other_single');
    const cells = keys.map(total).filter((c): c is number => c !== null);
    return { group, label, count: cells.length === 0 ? null : cells.reduce((a, b) => a + b, 0) };
  });
}
