// Retention of the lease store's history (model.ts describes the three collections; retention.ts
// says who decides what may go).
//
// - `jobarchive` is what makes a deterministic id "already done": once an entry is removed, the
//   same id could be scheduled and run again. So entries are removed only per kind, by a caller
//   that knows its ids are never scheduled again after that age (a 5-minute sweep window, a
//   publish decision whose intent is gone), or that asks, entry by entry, whether one is still
//   needed (`pruneArchiveUnlessNeeded`: a reminder of a request that could still schedule it).
// - Claims (`jobclaims`, and the same device elsewhere: `versionclaims`) are
//   only needed while their version step is being written (milliseconds); their writers remove
//   them when done, so only claims left by a failed clean-up or a killed process remain.
//   Removing an old claim is always safe: a writer that read that version inserts its claim
//   again and then finds the document is no longer at that version (store.ts, takeStep).
import type { Model } from 'mongoose';
import { JobArchive, JobClaim } from './model';

/** Entries removed per delete: `_id: {$in}` is a scan per call on FerretDB, so not one per entry. */
const BATCH = 500;

/** Archived jobs of these kinds that finished before `before`. Returns how many were removed. */
export async function pruneArchive(kinds: readonly string[], before: Date): Promise<number> {
  if (kinds.length === 0) return 0;
  const res = await JobArchive.deleteMany({ kind: { $in: [...kinds] }, finishedAt: { $lt: before } });
  return res.deletedCount;
}

export interface ArchivedRef {
  _id: string;
  group: string | null;
}

/**
 * Archived jobs of `kind` that finished before `before`, except those `stillNeeded` names (given
 * a batch, it answers the ids to keep). Returns how many were removed.
 */
export async function pruneArchiveUnlessNeeded(
  kind: string,
  before: Date,
  stillNeeded: (entries: readonly ArchivedRef[]) => Promise<ReadonlySet<string>>,
  signal?: AbortSignal,
): Promise<number> {
  const old = await JobArchive.find({ kind, finishedAt: { $lt: before } }, { _id: 1, group: 1 }).lean<ArchivedRef[]>();
  let removed = 0;
  for (let i = 0; i < old.length && !signal?.aborted; i += BATCH) {
    const batch = old.slice(i, i + BATCH).map((e) => ({ _id: e._id, group: e.group ?? null }));
    const keep = await stillNeeded(batch);
    const ids = batch.map((e) => e._id).filter((id) => !keep.has(id));
    // Re-checked in the filter: an entry is only ever removed by age and kind.
    if (ids.length) removed += (await JobArchive.deleteMany({ _id: { $in: ids }, kind, finishedAt: { $lt: before } })).deletedCount;
  }
  return removed;
}

/** Claims older than `before` (far older than any step: an hour, say). Returns how many were removed. */
export async function pruneClaims(before: Date): Promise<number> {
  return pruneClaimCollection(JobClaim, before);
}

/** The same for any claim collection whose documents carry `at` (when the claim was taken). */
export async function pruneClaimCollection<D extends { at: Date }>(model: Model<D>, before: Date): Promise<number> {
  const res = await model.deleteMany({ at: { $lt: before } } as never);
  return res.deletedCount;
}
