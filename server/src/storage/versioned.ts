// Read-modify-write of one small document (an inbox, a consent), safe with several instances on
// both databases:
// - serialised per document inside this process (no needless conflicts);
// - each step from version v to v+1 first inserts the claim `<model>:<id>:<v>` (unique `_id`),
//   the same device as the job leases (jobs/model.ts): a unique insert is atomic on MongoDB and
//   on FerretDB, where a conditional update is not (read-modify-write), so two processes can never
//   both write version v+1;
// - then the update is conditional on `version` (at-version.ts: without a scan on FerretDB).
// Claims are not removed after a write (one round trip saved per write: nobody writes a version
// step twice once the document moved past it); the daily retention prunes them. A claim whose
// writer died before writing is removed after STALE_CLAIM_MS, one of this process's at once (the
// per-document lock says none of ours is in flight: it was left by a write that failed, or by an
// earlier life of a document that was deleted and created again).
import { randomBytes } from 'node:crypto';
import mongoose, { Schema, type Model } from 'mongoose';
import { assertDatabaseReachable } from '../db/reachability';
import { KeyedMutex } from '../lib/keyed-mutex';
import { isDuplicateKeyError } from '../db/duplicate';
import { updateAtVersion } from './at-version';
import { HOUR_MS, pruneClaimCollection, type RetentionRule } from '../jobs';

// A write whose turn comes while the database is known to be gone fails at once (the change stays
// owed in its request's outbox) instead of waiting out server selection behind every queued write of the same inbox.
const mutex = new KeyedMutex({ gate: assertDatabaseReachable });
export const STALE_CLAIM_MS = 10_000;
/** Names this process's claims. */
const PROCESS = randomBytes(9).toString('base64url');

interface VersionClaimDoc {
  _id: string;
  at: Date;
  /** The process that took it (absent in claims from before it was recorded). */
  owner?: string;
}

export const VersionClaim = mongoose.model<VersionClaimDoc>(
  'VersionClaim',
  new Schema<VersionClaimDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true }, owner: String }, { collection: 'versionclaims', versionKey: false }),
);

interface Versioned {
  _id: string;
  version: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the claim of version `v`; false while another writer holds it (a stale one is removed). */
async function claimVersion(claimId: string): Promise<boolean> {
  try {
    await VersionClaim.create({ _id: claimId, at: new Date(), owner: PROCESS });
    return true;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  const held = await VersionClaim.findById(claimId).lean();
  if (held && (held.owner === PROCESS || Date.now() - new Date(held.at).getTime() > STALE_CLAIM_MS)) await VersionClaim.deleteOne({ _id: claimId, at: held.at });
  return false;
}

/**
 * `change(current | null)` returns the new fields (without _id/version) or `next: null` for "no
 * change", plus the caller's result. Creating the document is an insert (unique `_id`).
 * `patienceMs`: keep trying that long instead of 50 attempts (a writer that must outwait a dead
 * holder's claim, STALE_CLAIM_MS).
 */
export async function updateVersioned<D extends Versioned, R>(
  model: Model<D>,
  id: string,
  change: (current: D | null) => { next: Omit<D, '_id' | 'version'>; result: R } | { next: null; result: R },
  options: { patienceMs?: number } = {},
): Promise<R> {
  return mutex.run(`${model.modelName}:${id}`, async () => {
    const started = Date.now();
    const more = (attempt: number) => (options.patienceMs === undefined ? attempt < 50 : attempt === 0 || Date.now() - started < options.patienceMs);
    for (let attempt = 0; more(attempt); attempt++) {
      if (attempt > 0) await sleep(Math.min(5 * attempt, options.patienceMs === undefined ? 50 : 100));
      const current = (await model.findById(id).lean()) as D | null;
      const { next, result } = change(current);
      if (next === null) return result;
      if (!current) {
        try {
          await model.create({ ...next, _id: id, version: 1 } as never);
          return result;
        } catch (err) {
          if (isDuplicateKeyError(err)) continue; // another instance created it first
          throw err;
        }
      }
      const claimId = `${model.modelName}:${id}:${current.version}`;
      if (!(await claimVersion(claimId))) continue;
      // The claim stays: nobody writes this version step again (the document moved past it), and
      // removing it would be one more round trip per write; the daily retention prunes claims.
      if (await updateAtVersion(model, id, current.version, { $set: { ...next, version: current.version + 1 } })) return result;
    }
    // Transient: a job that meets this is retried later (e.g. a claim left by a killed instance
    // that becomes stale after STALE_CLAIM_MS).
    throw Object.assign(new Error(`${model.modelName} ${id}: too many concurrent updates`), { transient: true });
  });
}

/** Declared by background.ts: claims pile up one per write (they are not removed after it). */
export const versionClaimsRetention: RetentionRule = {
  what: 'versionclaims',
  keep: '1 hour',
  why: 'a claim matters only while its version step is written (milliseconds; stale after 10 s); a writer at an old version finds the document moved on',
  prune: ({ now }) => pruneClaimCollection(VersionClaim, new Date(now.getTime() - HOUR_MS)),
};
