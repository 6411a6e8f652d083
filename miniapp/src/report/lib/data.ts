// Loading a body's annual report for the figures and share pages, and the numbers they show.
import { isOutcomeRow, outcome, outcomeGroups, standardRowKeys, type OutcomeGroup, type OutcomeKey, type ReportJson, type RowKey } from '@zwgk/shared';
import { useEffect, useState } from 'react';
import { reportsApi, type ReportView } from '../../api/citizen';
import { ApiError } from '../../api/client';
import { absoluteUrl } from '../../api/urls';
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
  const [state, setState] = useState<ReportState>({ view: undefined, error: undefined, loading: true, year });
  useEffect(() => {
    let cancelled = false;
    setState({ view: undefined, error: undefined, loading: true, year });
    const tries = year ? [year] : reportYears().slice(0, 4);
    (async () => {
      let lastError = '该年度报告尚未发布';
      for (const y of tries) {
        try {
          const view = await reportsApi.get(bodyId, y);
          if (!cancelled) setState({ view, error: undefined, loading: false, year: y });
          return;
        } catch (e) {
          lastError = e instanceof ApiError ? e.message : '加载失败，请稍后重试';
          if (!(e instanceof ApiError) || e.status !== 404) break;
        }
      }
      if (!cancelled) setState({ view: undefined, error: lastError, loading: false, year: year ?? tries[0] });
    })();
    return () => {
      cancelled = true;
    };
  }, [bodyId, year]);
  return state;
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
