// The records of a body's requests (list projection: no conversation, no personal data beyond the
// masked fields), per body, kept in this process and checked on every call against the body's
// lookup document (storage/body-index.ts): one read by `_id` of that document, then a read by `_id` of
// each request whose announced version (or staff read marker) differs from the cached one — none
// when nothing changed. Ids no longer named are dropped. Each instance has its own cache and
// checks it against the shared document, so several instances stay correct.
//
// Two readers share this one refresh path: the staff inbox (inboxRecords) and the annual report's
// request source (bodyRequestRecords, reports/sources.ts) — the report needs only number,
// applicant type, the events and the cached dates/outcome, all in the list projection.
//
// Also kept per request: its folded state (fold of the events: the same for one version), or why
// the history cannot be replayed (the report counts such a request from its cached fields and
// says so), and its legal clock for the day and calendar it was computed with (the clock moves
// with the date). Measured over 10,000 requests: fold 42 ms, clockOf 750 ms — per call, the
// clock alone would cost more than everything else the inbox does, so it is computed once a day
// per request.
import { clockOf, fold, type Calendar, type LegalClock, type LegalDate, type RequestState } from '@zwgk/shared';
import { KeyedMutex } from '../../lib/keyed-mutex';
import { LIST_PROJECTION, RequestModel, type RequestRecord } from '../models/request';
import { bodyIndexOf, ensureBodyIndex } from '../../storage/body-index';

interface Cached {
  record: RequestRecord;
  read: number;
  /** fold(record.events), or the error that replaying them raised (a corrupt history). */
  folded: { state: RequestState } | { error: Error };
  clock?: { day: LegalDate; calendar: Calendar; value: LegalClock };
}

interface BodyCache {
  epoch: string;
  byId: Map<string, Cached>;
}

/**
 * Records kept across all bodies: beyond it, the least recently used bodies go. Measured ≈ 6.3 KB
 * of heap per record with its state (10,000 bench requests: 62 MB), so at most ≈ 125 MB.
 */
export const MAX_CACHED_REQUESTS = 20_000;
/** Concurrent reads by `_id` while refreshing. */
const READ_PARALLELISM = 8;

const bodies = new Map<string, BodyCache>(); // insertion order = least recently used first
const refreshing = new KeyedMutex();

const readMarker = (r: Pick<RequestRecord, 'readState'>) => (r.readState?.staff ? new Date(r.readState.staff).getTime() : 0);

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

function evict(keep: Set<string>): void {
  let total = 0;
  for (const c of bodies.values()) total += c.byId.size;
  for (const [bodyId, c] of bodies) {
    if (total <= MAX_CACHED_REQUESTS) break;
    if (keep.has(bodyId)) continue;
    total -= c.byId.size;
    bodies.delete(bodyId);
  }
}

function folding(events: RequestRecord['events']): Cached['folded'] {
  try {
    return { state: fold(events ?? []) }; // a document stored without events: as the report always read it
  } catch (err) {
    return { error: err instanceof Error ? err : new Error(String(err)) };
  }
}

/** Brings one body's cache up to its lookup document; returns the cached entries. */
async function refreshBody(bodyId: string): Promise<Cached[]> {
  return refreshing.run(bodyId, async () => {
    const doc = await bodyIndexOf(bodyId);
    let cache = bodies.get(bodyId);
    if (!doc) {
      bodies.delete(bodyId);
      return [];
    }
    if (!cache || cache.epoch !== doc.epoch) cache = { epoch: doc.epoch, byId: new Map() };
    bodies.delete(bodyId);
    bodies.set(bodyId, cache); // most recently used

    const stale: string[] = [];
    for (const [id, announced] of doc.entries) {
      const hit = cache.byId.get(id);
      if (!hit || hit.record.version !== announced.version || (announced.read !== undefined && hit.read !== announced.read)) stale.push(id);
    }
    for (const id of cache.byId.keys()) if (!doc.entries.has(id)) cache.byId.delete(id);

    const byId = cache.byId;
    await inParallel(stale, READ_PARALLELISM, async (id) => {
      const record = await RequestModel.findById(id, LIST_PROJECTION).lean<RequestRecord>();
      // Not stored (a filing whose insert failed after it was announced) or not this body's: skip.
      if (!record || record.bodyId !== bodyId) {
        byId.delete(id);
        return;
      }
      const hit = byId.get(id);
      if (hit && hit.record.version === record.version && hit.read === readMarker(record)) return;
      byId.set(id, { record, read: readMarker(record), folded: folding(record.events) });
    });
    return [...byId.values()];
  });
}

/** The cached entries of these bodies, each body brought up to its lookup document (in order, per body). */
async function refreshBodies(bodyIds: string[]): Promise<Cached[][]> {
  await ensureBodyIndex();
  const perBody: Cached[][] = [];
  // A county-wide admin's bodies a few at a time (each refresh reads up to READ_PARALLELISM requests at once).
  await inParallel(bodyIds.map((id, i) => [id, i] as const), 4, async ([id, i]) => void (perBody[i] = await refreshBody(id)));
  evict(new Set(bodyIds));
  return perBody;
}

export interface InboxRecord {
  record: RequestRecord;
  state: RequestState;
  clock: LegalClock;
}

/**
 * Every request of these bodies, with its state and its legal clock on `day`. The records are
 * shared with the cache: callers must not change them.
 */
export async function inboxRecords(bodyIds: string[], calendar: Calendar, day: LegalDate): Promise<InboxRecord[]> {
  const out: InboxRecord[] = [];
  for (const entries of await refreshBodies(bodyIds)) {
    for (const e of entries) {
      // The inbox has no fallback for a history it cannot replay: it fails as it always did.
      if ('error' in e.folded) throw e.folded.error;
      const state = e.folded.state;
      if (!e.clock || e.clock.day !== day || e.clock.calendar !== calendar) e.clock = { day, calendar, value: clockOf(state, calendar, day) };
      out.push({ record: e.record, state, clock: e.clock.value });
    }
  }
  return out;
}

export interface BodyRequestRecord {
  record: Readonly<RequestRecord>;
  /** The replayed history; null when it cannot be replayed (`foldError` says why). */
  state: RequestState | null;
  foldError: string | null;
}

/**
 * Every request of these bodies as the lookup documents name them, with the folded state — for
 * the annual report (reports/sources.ts), instead of a filter on `bodyId` that the embedded
 * FerretDB answers by decoding every stored request. Shared with the cache: read only.
 */
export async function bodyRequestRecords(bodyIds: string[]): Promise<BodyRequestRecord[]> {
  const out: BodyRequestRecord[] = [];
  for (const entries of await refreshBodies(bodyIds)) {
    for (const e of entries) out.push('error' in e.folded ? { record: e.record, state: null, foldError: e.folded.error.message } : { record: e.record, state: e.folded.state, foldError: null });
  }
  return out;
}

/** Tests: forget every cached record. */
export function forgetInboxCache(): void {
  bodies.clear();
}
