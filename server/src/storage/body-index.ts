// Keeping the per-body lookup documents of models/bodyRequests.ts (the staff inbox reads them).
//
// Every writer of a request announces the version its write will produce BEFORE writing
// (`announceRequest`): filing (version 0), commitChange (version + 1), the staff read marker,
// seeds and imports (indexStoredRequest). Announcements only ever raise a value, so the document
// names a superset: a write that then fails leaves an announced version the stored request never
// reaches — the inbox re-reads that one request by `_id` on each call (it sees a difference),
// it never misses a change. Requests stored without announcements (older data, bulk loads) are
// indexed once by one scan (`ensureBodyIndex`).
//
// A write rewrites the body's entries string (read, raise, write back) as a versioned write
// (versioned.ts: serialised in this process, each version step claimed by a unique insert before
// the update conditional on the document's version) — so two writers never both write one step,
// with several processes on one embedded FerretDB too, and on MongoDB.
import { randomBytes } from 'node:crypto';
import { ignoreDuplicate } from '../db/duplicate';
import { BodyRequests, BUILT_MARKER, type BodyRequestsDoc } from '../models/bodyRequests';
import { RequestModel } from '../requests/models/request';
import { STALE_CLAIM_MS, updateVersioned } from './versioned';

/** How long a write waits for claims held elsewhere (past STALE_CLAIM_MS, so a dead holder's claim is cleared). */
const WRITE_PATIENCE_MS = STALE_CLAIM_MS + 5_000;

/** A request id inside an entry line: `%`, space and line breaks escaped (ids the server makes are base64url and pass unchanged). */
const encodeId = (id: string) => id.replace(/[%\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const decodeId = (text: string) => text.replace(/%([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** What the document says of one request. */
export interface Entry {
  version: number;
  /** Staff read marker (ms); undefined: none announced. */
  read: number | undefined;
}

export function parseEntries(packed: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const line of packed.split('\n')) {
    if (!line) continue;
    const [id, version, read] = line.split(' ');
    out.set(decodeId(id!), { version: Number(version), read: read === undefined || read === '-' ? undefined : Number(read) });
  }
  return out;
}

function packEntries(entries: Map<string, Entry>): string {
  let out = '';
  for (const [id, e] of entries) out += `${encodeId(id)} ${e.version} ${e.read ?? '-'}\n`;
  return out;
}

export interface Announcement {
  id: string;
  /** The request `version` the write will produce. */
  version?: number;
  /** The staff read marker the write will store. */
  read?: Date | null;
}

const ms = (d: Date | string | null | undefined): number | undefined => (d ? new Date(d).getTime() : undefined);

/** Raises the entries of `bodyId`'s document to the announced values (never lowers one). */
async function raise(bodyId: string, announced: Announcement[]): Promise<void> {
  if (announced.length === 0) return;
  await updateVersioned(
    BodyRequests,
    bodyId,
    (current) => {
      const entries = parseEntries(current?.entries ?? '');
      let changed = false;
      for (const a of announced) {
        const e = entries.get(a.id);
        const read = ms(a.read);
        const next: Entry = { version: e?.version ?? -1, read: e?.read };
        if (a.version !== undefined && a.version > next.version) next.version = a.version;
        if (read !== undefined && !(next.read !== undefined && next.read >= read)) next.read = read;
        // A read marker announced for a request not named yet (an import of older data): version unknown, -1 re-reads it.
        if (!e || next.version !== e.version || next.read !== e.read) {
          entries.set(a.id, next);
          changed = true;
        }
      }
      if (!changed) return { next: null, result: undefined };
      return { next: { entries: packEntries(entries), epoch: current?.epoch ?? randomBytes(9).toString('base64url') }, result: undefined };
    },
    // A claim left by a process that died mid-write blocks the step until it is stale: wait that out.
    { patienceMs: WRITE_PATIENCE_MS },
  );
}

/** Before a request write: the version (and/or staff read marker) it will store. */
export async function announceRequest(bodyId: string, entry: Announcement): Promise<void> {
  await raise(bodyId, [entry]);
}

/** Before a bulk import stores many requests of one body: one rewrite of its document for all of them. */
export async function announceRequests(bodyId: string, entries: Announcement[]): Promise<void> {
  await raise(bodyId, entries);
}

/** Before `POST …/read` by staff stores `at` (the inbox shows unread from it; no version bump). */
export async function announceStaffRead(requestId: string, at: Date): Promise<void> {
  const r = await RequestModel.findById(requestId, { bodyId: 1 }).lean<{ bodyId: string }>();
  if (r) await raise(r.bodyId, [{ id: requestId, read: at }]);
}

/** The body's document (null: none yet — no request announced since the build). */
export async function bodyIndexOf(bodyId: string): Promise<{ epoch: string; entries: Map<string, Entry> } | null> {
  const doc = await BodyRequests.findById(bodyId).lean<BodyRequestsDoc>();
  return doc ? { epoch: doc.epoch, entries: parseEntries(doc.entries) } : null;
}

let building: Promise<void> | null = null;

/**
 * Requests stored before the documents existed (older data, bulk loads, demo seeds of earlier
 * versions): indexed from ONE scan of every request, grouped by body, then the marker is set
 * and never again scanned. Runs once per database; concurrent callers share the scan.
 */
export async function ensureBodyIndex(): Promise<void> {
  if (await BodyRequests.exists({ _id: BUILT_MARKER })) return;
  building ??= (async () => {
    const rows = await RequestModel.find({}, { bodyId: 1, version: 1, 'readState.staff': 1 }).lean<Array<{ _id: string; bodyId: string; version: number; readState?: { staff?: Date | null } }>>();
    const byBody = new Map<string, Announcement[]>();
    for (const r of rows) {
      const list = byBody.get(r.bodyId) ?? [];
      list.push({ id: r._id, version: r.version ?? 0, read: r.readState?.staff ?? null });
      byBody.set(r.bodyId, list);
    }
    for (const [bodyId, entries] of byBody) await raise(bodyId, entries);
    // Another process may set it at the same moment (db/duplicate.ts).
    await BodyRequests.updateOne({ _id: BUILT_MARKER }, { $set: { epoch: 'built', entries: '', version: 0 } }, { upsert: true }).catch(ignoreDuplicate);
  })().finally(() => {
    building = null;
  });
  await building;
}
