// Staff sign-in lockout: after MAX_FAILURES wrong passwords in a row the username is locked
// for LOCK_MS, whatever password comes next. Counted per username as typed — existing or
// not — so the answers never reveal which usernames exist. Failures older than LOCK_MS are
// forgotten. Callers serialise attempts of one username (routes/auth/staff.ts).
import { LoginAttempt } from '../models/loginAttempt';
import { isDuplicateKeyError } from '../db/duplicate';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

const idOf = (username: string) => `staff:${username}`;

/** When the username is locked, the end of the lock; else undefined. */
export async function lockedUntil(username: string, now = new Date()): Promise<Date | undefined> {
  const doc = await LoginAttempt.findById(idOf(username)).lean();
  return doc?.lockedUntil && doc.lockedUntil > now ? doc.lockedUntil : undefined;
}

/**
 * Records a failure; returns the lock end when this failure locked the username.
 *
 * The write is conditional on the record as it was read (a new record is an insert guarded by the
 * unique `_id`), and a write that lost the race reads again: failures arriving at several
 * instances at once are all counted (atomic on MongoDB; on the embedded database the caller's
 * per-username serialisation does it, as there is only one instance).
 */
export async function recordFailure(username: string, now = new Date()): Promise<Date | undefined> {
  const _id = idOf(username);
  for (let attempt = 0; ; attempt++) {
    const doc = await LoginAttempt.findById(_id).lean();
    const stale = !doc || now.getTime() - doc.lastFailureAt.getTime() > LOCK_MS || (doc.lockedUntil !== undefined && doc.lockedUntil <= now);
    const failures = stale ? 1 : doc.failures + 1;
    const lock = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : undefined;
    const next = { failures: lock ? 0 : failures, lastFailureAt: now, ...(lock ? { lockedUntil: lock } : {}) };
    try {
      if (!doc) {
        await LoginAttempt.create({ _id, ...next });
        return lock;
      }
      const res = await LoginAttempt.replaceOne({ _id, failures: doc.failures, lastFailureAt: doc.lastFailureAt }, next);
      if (res.matchedCount === 1) return lock;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    // Another instance recorded a failure of this username meanwhile: count ours on top of it.
    if (attempt >= 20) throw new Error('login attempt record keeps changing');
  }
}

export async function clearFailures(username: string): Promise<void> {
  await LoginAttempt.deleteOne({ _id: idOf(username) });
}
