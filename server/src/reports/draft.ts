// The draft report of a body-year, computed from the data and cached in `reportcache`.
//
// Fresh when the cached entry was computed at the body's current stamp token (reports/stamp.ts)
// — checking costs two reads by _id. Stale → reload the sources, compose, fingerprint. If the
// fingerprint equals the cached one (the stamp moved but no figure did) the entry keeps its
// `computedAt`, so nothing downstream (ETags, cards) changes.
//
// Safety net: a writer that forgets to touch the stamp would leave a draft stale forever, so an
// entry older than `maxAgeMs` (default 10 min) is re-verified against the data anyway. A
// published report never goes through here: it is a frozen snapshot (reports/editions.ts).
import type { ReportEditionData } from './edition';
import { canonicalJson, fromStored, sha256, toStored } from './edition';
import { composeReport, type ComposeInput } from './compose';
import { ReportCache, type ReportCacheDoc } from './models/report-cache';
import { reportKey } from './models/report-input';
import { loadSources } from './sources';
import { readStamp } from './stamp';
import { upsertRacing } from '../db/duplicate';

/** Bump when composeReport or the loaded sources change meaning: every cached draft is recomputed. */
export const REPORT_CODE_VERSION = 1;
export const DEFAULT_MAX_AGE_MS = 10 * 60_000;

export interface Draft {
  data: ReportEditionData;
  fingerprint: string;
  computedAt: Date;
  /** true when this call computed it (tests, diagnostics). */
  recomputed: boolean;
}

export interface DraftOptions {
  maxAgeMs?: number;
  now?: () => Date;
  /** Replaces the database loader (tests). */
  load?: (bodyId: string, year: number) => Promise<ComposeInput>;
}

export function fingerprintOf(input: ComposeInput): string {
  return sha256(canonicalJson({ v: REPORT_CODE_VERSION, input }));
}

const inFlight = new Map<string, Promise<Draft>>();

async function compute(bodyId: string, year: number, stamp: string, cached: ReportCacheDoc | null, options: DraftOptions): Promise<Draft> {
  const now = (options.now ?? (() => new Date()))();
  const input = await (options.load ?? loadSources)(bodyId, year);
  const fingerprint = fingerprintOf(input);
  const key = reportKey(bodyId, year);
  if (cached && cached.fingerprint === fingerprint && cached.codeVersion === REPORT_CODE_VERSION) {
    await ReportCache.updateOne({ _id: key }, { $set: { stamp, verifiedAt: now } });
    return { data: fromStored(cached.data), fingerprint, computedAt: cached.computedAt, recomputed: true };
  }
  const data = composeReport(input);
  const doc: ReportCacheDoc = { _id: key, bodyId, year, stamp, fingerprint, codeVersion: REPORT_CODE_VERSION, data: toStored(data), computedAt: now, verifiedAt: now };
  await upsertRacing(() => ReportCache.replaceOne({ _id: key }, doc, { upsert: true }));
  return { data, fingerprint, computedAt: now, recomputed: true };
}

/** Whether a cached entry can be served as it is for this stamp. */
export function isFresh(cached: ReportCacheDoc | null, stamp: string, now: Date, maxAgeMs = DEFAULT_MAX_AGE_MS): cached is ReportCacheDoc {
  return !!cached && cached.stamp === stamp && cached.codeVersion === REPORT_CODE_VERSION && now.getTime() - new Date(cached.verifiedAt).getTime() < maxAgeMs;
}

/** The draft from what is already known of its stamp and cache entry (the county overview reads those in bulk). */
export function draftFrom(bodyId: string, year: number, stamp: string, cached: ReportCacheDoc | null, options: DraftOptions = {}): Promise<Draft> {
  const now = (options.now ?? (() => new Date()))();
  if (isFresh(cached, stamp, now, options.maxAgeMs)) {
    return Promise.resolve({ data: fromStored(cached.data), fingerprint: cached.fingerprint, computedAt: cached.computedAt, recomputed: false });
  }
  // One computation per key and stamp at a time in this process; callers arriving meanwhile share it.
  const flightKey = `${reportKey(bodyId, year)}@${stamp}`;
  let flight = inFlight.get(flightKey);
  if (!flight) {
    flight = compute(bodyId, year, stamp, cached, options).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, flight);
  }
  return flight;
}

/** The draft of `bodyId` for `year`, from the cache when the data has not changed. */
export async function getDraft(bodyId: string, year: number, options: DraftOptions = {}): Promise<Draft> {
  // Read the stamp before the data: a change after this read gives a new token, so the entry
  // written below is recognised as stale next time even if it missed that change.
  const [stamp, cached] = await Promise.all([readStamp(bodyId), ReportCache.findById(reportKey(bodyId, year)).lean<ReportCacheDoc>()]);
  return draftFrom(bodyId, year, stamp, cached, options);
}

export async function readCacheEntries(keys: string[]): Promise<Map<string, ReportCacheDoc>> {
  const docs = keys.length ? await ReportCache.find({ _id: { $in: keys } }).lean<ReportCacheDoc[]>() : [];
  return new Map(docs.map((d) => [d._id, d]));
}
