// Which edition a caller gets, with the rule checks: the one place the routes, cards, share
// page and county overview resolve "the report of body B for year Y".
//
//   'current'  the latest published edition (a correction supersedes the publication); while
//              nothing is published, the draft for staff of the body and 404 for everyone else
//   'draft'    the draft computed from the data (staff of the body only)
//   n          edition n of the published history (public, frozen)
import { allFailures, allRulesHold, checkReport, type AnnualReport, type CheckResult, type Failure } from '@zwgk/shared';
import type { Actor } from '../auth/actor';
import { canSeeBody } from '../auth/middleware';
import { notFound } from '../errors';
import { getDraft, type DraftOptions } from './draft';
import { editionHash, type ReportEditionData } from './edition';
import { getSnapshot, latestEdition, snapshotFor, snapshotStatus } from './editions';
import type { EditionKind } from './models/report-snapshot';

export type EditionSelector = 'current' | 'draft' | number;
export type ReportStatus = 'draft' | 'published' | 'imported';

export interface EditionMeta {
  n: number;
  kind: EditionKind;
  on: string;
  note?: string;
}

export interface ResolvedReport {
  bodyId: string;
  year: number;
  /** How the year's report stands: never published (draft), published in the system, or imported. */
  status: ReportStatus;
  /** What this answer is: a published edition or the draft. */
  edition: EditionMeta | null;
  editions: EditionMeta[];
  data: ReportEditionData;
  /** Identity of the content (ETags, card cache keys). */
  hash: string;
  /** Draft only: the data fingerprint to quote when publishing exactly what was seen. */
  fingerprint: string | null;
  computedAt: Date | null;
  /** Frozen: a numbered published edition (never changes). */
  immutable: boolean;
}

const meta = (e: { n: number; kind: EditionKind; on: string; note?: string }): EditionMeta => ({ n: e.n, kind: e.kind, on: e.on, ...(e.note ? { note: e.note } : {}) });

export class ReportNotPublished extends Error {}

export async function resolveReport(bodyId: string, year: number, selector: EditionSelector, actor: Actor, options: DraftOptions = {}): Promise<ResolvedReport> {
  // Staff asking for the draft see the editions as they are now; public reads may use the memo.
  const snapshot = selector === 'draft' ? await getSnapshot(bodyId, year) : await snapshotFor(bodyId, year, selector);
  const editions = (snapshot?.editions ?? []).map(meta);
  const status: ReportStatus = snapshotStatus(snapshot) ?? 'draft';
  const fromEdition = (n: number): ResolvedReport => {
    const e = snapshot?.editions[n - 1];
    if (!e) throw notFound(`未找到${year}年度报告的第${n}版`, 'EDITION_NOT_FOUND');
    return { bodyId, year, status, edition: meta(e), editions, data: e.data, hash: e.hash, fingerprint: null, computedAt: null, immutable: true };
  };
  if (typeof selector === 'number') return { ...fromEdition(selector) };
  if (selector === 'current' && snapshot && snapshot.editions.length > 0) {
    return { ...fromEdition(snapshot.editions.length), immutable: false };
  }
  if (!(await canSeeBody(actor, bodyId))) {
    throw notFound(selector === 'draft' ? '未找到该报告' : `该机关${year}年度报告尚未发布`, 'REPORT_NOT_PUBLISHED');
  }
  const draft = await getDraft(bodyId, year, options);
  return { bodyId, year, status, edition: null, editions, data: draft.data, hash: editionHash(draft.data), fingerprint: draft.fingerprint, computedAt: draft.computedAt, immutable: false };
}

/**
 * Last year's report for rule X: its published (or imported) edition; for a draft, last
 * year's draft when last year was never published (both then come from the same records).
 */
export async function previousReport(bodyId: string, year: number, forDraft: boolean, options: DraftOptions = {}): Promise<AnnualReport | undefined> {
  const snapshot = await getSnapshot(bodyId, year - 1);
  const last = latestEdition(snapshot);
  if (last) return last.data.report;
  if (!forDraft) return undefined;
  return (await getDraft(bodyId, year - 1, options)).data.report;
}

export interface Checked {
  checks: CheckResult;
  ok: boolean;
  failures: Failure[];
}

export function checked(report: AnnualReport, previous: AnnualReport | undefined): Checked {
  const checks = checkReport(report, previous ? { previous } : {});
  return { checks, ok: allRulesHold(checks), failures: allFailures(checks) };
}
