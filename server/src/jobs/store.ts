// The lease store: schedule work once, let exactly one worker at a time hold it, finish it once.
//
// Every change of an existing job goes through `step()`: insert the claim `<id>:<incarnation>:
// <version>` (unique `_id`), then write the job at that version. Two workers that read the same
// version race on the insert and only one wins, on MongoDB and on the embedded FerretDB alike
// (see model.ts). The loser learns it lost (claim taken, lease lost) and does nothing.
//
// Guarantees:
// - `schedule` of an id that is active or finished is a no-op (deterministic ids = idempotency).
// - A job is held by at most one owner at a time; a lease that is not extended expires and the
//   next `claim` takes the job over (attempts + 1, `takeover: true`).
// - A job is completed (archived as done) at most once; `complete` by an owner whose lease was
//   taken over returns false.
// - Handlers run at least once and, without crashes or lease expiry, exactly once: a run is only
//   repeated after its owner died or stalled past its lease. Handlers with external side effects
//   look at `takeover` (see notifications/wechat-send.ts).
import { randomBytes } from 'node:crypto';
import type { QueryFilter } from 'mongoose';
import { isDuplicateKeyError, upsertRacing } from '../db/duplicate';
import { Job, JobArchive, JobClaim, type FinishedJobStatus, type JobDoc } from './model';

export interface ScheduleInput {
  id: string;
  kind: string;
  /** Default: now. */
  runAt?: Date;
  payload?: Record<string, unknown>;
  group?: string;
  tag?: string;
  /** Runs before a transient failure becomes permanent (default 8). */
  maxAttempts?: number;
}

/** scheduled: inserted now · exists: already pending/running · finished: already done or failed. */
export type ScheduleResult = 'scheduled' | 'exists' | 'finished';

/** A job held by a worker. `version`/`leaseUntil` follow the worker's own steps. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /** This run is attempt number `attempts` (1 for the first). */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  group: string | null;
  tag: string | null;
  owner: string;
  leaseUntil: Date;
  /** The previous holder's lease expired while it was running (it crashed or stalled). */
  takeover: boolean;
  incarnation: string;
  version: number;
}

export interface JobFailure {
  message: string;
  /** true → try again later (until maxAttempts); false → failed for good. */
  transient: boolean;
  retryAfterMs?: number;
  /**
   * With `transient`: try again even past maxAttempts. For a run whose outcome could not be
   * recorded (the database went away mid-run): archiving the job as failed would leave that
   * half-recorded work with no job behind it. The backoff keeps growing up to maxBackoffMs.
   */
  keepTrying?: boolean;
}

export type FailResult = 'retry' | 'failed' | 'lost';

export interface JobView {
  id: string;
  kind: string;
  status: JobDoc['status'] | FinishedJobStatus;
  attempts: number;
  lastError: string | null;
  runAt?: Date;
  leaseOwner?: string | null;
  result?: Record<string, unknown> | null;
  payload?: Record<string, unknown>;
}

export interface JobStoreOptions {
  now?: () => Date;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /**
   * A step is claimed and written within milliseconds. A claim older than this whose write never
   * happened (the process died between the two, or the write failed) is abandoned: claim removes
   * it so the job does not stay stuck at that version. Default 10 s: far above a step's duration,
   * short enough that a job held by a process killed mid-step is taken over soon after its lease.
   */
  staleStepMs?: number;
}

export interface JobStore {
  schedule(input: ScheduleInput): Promise<ScheduleResult>;
  /** Due jobs of these kinds (all kinds when empty), at most `limit`, now leased to `owner`. */
  claim(kinds: readonly string[], owner: string, leaseMs: number, limit?: number): Promise<ClaimedJob[]>;
  /** Pushes the lease forward; false when the lease was lost (the job was taken over or cancelled). */
  extendLease(job: ClaimedJob, leaseMs: number): Promise<boolean>;
  /** Archives the job as done; false when the lease was lost. */
  complete(job: ClaimedJob, result?: Record<string, unknown>): Promise<boolean>;
  fail(job: ClaimedJob, failure: JobFailure): Promise<FailResult>;
  /** Cancels PENDING jobs of a group (optionally only these tags); running ones finish. Returns how many. */
  cancel(filter: { group: string; tags?: readonly string[]; kind?: string }): Promise<number>;
  /**
   * Removes one PENDING job by id, read by `_id` (cancel() scans by group). false when it is held,
   * finished or gone — its holder then finishes it. Like cancel, the id may be scheduled again.
   */
  discard(id: string): Promise<boolean>;
  get(id: string): Promise<JobView | null>;
  /** Active jobs (tests, admin views). */
  active(filter?: { kind?: string; group?: string }): Promise<JobView[]>;
  now(): Date;
}

export const DEFAULT_MAX_ATTEMPTS = 8;

export function createJobStore(options: JobStoreOptions = {}): JobStore {
  const now = options.now ?? (() => new Date());
  const backoffBase = options.backoffMs ?? 5_000;
  const backoffMax = options.maxBackoffMs ?? 30 * 60_000;
  const staleStepMs = options.staleStepMs ?? 10_000;

  /**
   * Wins version `version` of the job for `owner`; false when someone else did. The claim insert
   * is the arbiter; the existence check afterwards covers a holder so late that the job already
   * finished and its claims were removed (the incarnation is random per insert, so a job with the
   * same id scheduled again never matches).
   */
  async function takeStep(id: string, incarnation: string, version: number, owner: string): Promise<boolean> {
    try {
      await JobClaim.create({ _id: `${id}:${incarnation}:${version}`, owner, at: now() });
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
    if (await Job.exists({ _id: id, incarnation, version })) return true;
    await JobClaim.deleteOne({ _id: `${id}:${incarnation}:${version}`, owner }).catch(() => undefined);
    return false;
  }

  /** Removes the claim of `version` when it is older than staleStepMs; true when it did. */
  async function dropStaleStep(id: string, incarnation: string, version: number): Promise<boolean> {
    const claimId = `${id}:${incarnation}:${version}`;
    const claim = await JobClaim.findById(claimId).lean();
    if (!claim || now().getTime() - new Date(claim.at).getTime() < staleStepMs) return false;
    const res = await JobClaim.deleteOne({ _id: claimId, at: claim.at });
    return res.deletedCount === 1;
  }

  /** Claims are only needed while the job is active; remove them once it is gone (best effort). */
  async function dropClaims(id: string, incarnation: string, upToVersion: number): Promise<void> {
    const ids = Array.from({ length: upToVersion + 1 }, (_, v) => `${id}:${incarnation}:${v}`);
    await JobClaim.deleteMany({ _id: { $in: ids } }).catch(() => undefined);
  }

  async function archive(job: { id: string; kind: string; attempts: number; group: string | null; tag: string | null }, status: FinishedJobStatus, lastError: string | null, result: Record<string, unknown> | null) {
    // $setOnInsert: a finished job stays as it first finished.
    await upsertRacing(() =>
      JobArchive.updateOne(
        { _id: job.id },
        { $setOnInsert: { kind: job.kind, status, attempts: job.attempts, lastError, group: job.group, tag: job.tag, result, finishedAt: now() } },
        { upsert: true },
      ),
    );
  }

  /** Finishes a job whose step `version` we hold: archive first, then leave `jobs` (see schedule). */
  async function finish(job: ClaimedJob, status: FinishedJobStatus, lastError: string | null, result: Record<string, unknown> | null): Promise<void> {
    await archive(job, status, lastError, result);
    await Job.deleteOne({ _id: job.id, incarnation: job.incarnation, version: job.version });
    await dropClaims(job.id, job.incarnation, job.version);
  }

  const store: JobStore = {
    now,

    async schedule(input) {
      // Archive before active: a finished id stays finished. `finish` archives before it deletes,
      // so an id is always in one of the two; a re-insert racing with a finish is caught by claim.
      if (await JobArchive.exists({ _id: input.id })) return 'finished';
      const at = now();
      try {
        await Job.create({
          _id: input.id,
          kind: input.kind,
          runAt: input.runAt ?? at,
          status: 'pending',
          leaseOwner: null,
          leaseUntil: null,
          attempts: 0,
          maxAttempts: input.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          lastError: null,
          payload: input.payload ?? {},
          group: input.group ?? null,
          tag: input.tag ?? null,
          incarnation: randomBytes(6).toString('hex'),
          version: 0,
        });
        return 'scheduled';
      } catch (err) {
        if (isDuplicateKeyError(err)) return 'exists';
        throw err;
      }
    },

    async claim(kinds, owner, leaseMs, limit = 10) {
      const at = now();
      const due: QueryFilter<JobDoc> = { $or: [{ status: 'pending' as const, runAt: { $lte: at } }, { status: 'running' as const, leaseUntil: { $lt: at } }] };
      const candidates = await Job.find(kinds.length ? { kind: { $in: [...kinds] }, ...due } : due)
        .sort({ runAt: 1 })
        .limit(limit * 3)
        .lean<JobDoc[]>();
      const claimed: ClaimedJob[] = [];
      for (const doc of candidates) {
        if (claimed.length >= limit) break;
        let won = await takeStep(doc._id, doc.incarnation, doc.version, owner);
        if (!won && (await dropStaleStep(doc._id, doc.incarnation, doc.version))) won = await takeStep(doc._id, doc.incarnation, doc.version, owner);
        if (!won) continue;
        if (await JobArchive.exists({ _id: doc._id })) {
          // Scheduled again after it finished (the race described in schedule): drop the copy.
          await Job.deleteOne({ _id: doc._id, incarnation: doc.incarnation, version: doc.version });
          await dropClaims(doc._id, doc.incarnation, doc.version);
          continue;
        }
        const leaseUntil = new Date(at.getTime() + leaseMs);
        const res = await Job.updateOne(
          { _id: doc._id, incarnation: doc.incarnation, version: doc.version },
          { $set: { status: 'running', leaseOwner: owner, leaseUntil, attempts: doc.attempts + 1, version: doc.version + 1, updatedAt: at } },
        );
        if (res.matchedCount !== 1) continue; // cancelled meanwhile
        claimed.push({
          id: doc._id,
          kind: doc.kind,
          payload: doc.payload ?? {},
          runAt: doc.runAt,
          attempts: doc.attempts + 1,
          maxAttempts: doc.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          lastError: doc.lastError ?? null,
          group: doc.group ?? null,
          tag: doc.tag ?? null,
          owner,
          leaseUntil,
          takeover: doc.status === 'running',
          incarnation: doc.incarnation,
          version: doc.version + 1,
        });
      }
      return claimed;
    },

    async extendLease(job, leaseMs) {
      if (!(await takeStep(job.id, job.incarnation, job.version, job.owner))) return false;
      const leaseUntil = new Date(now().getTime() + leaseMs);
      const res = await Job.updateOne({ _id: job.id, incarnation: job.incarnation, version: job.version }, { $set: { leaseUntil, version: job.version + 1, updatedAt: now() } });
      if (res.matchedCount !== 1) return false;
      job.version += 1;
      job.leaseUntil = leaseUntil;
      return true;
    },

    async complete(job, result) {
      if (!(await takeStep(job.id, job.incarnation, job.version, job.owner))) return false;
      await finish(job, 'done', null, result ?? null);
      return true;
    },

    async fail(job, failure) {
      if (!(await takeStep(job.id, job.incarnation, job.version, job.owner))) return 'lost';
      const message = failure.message.slice(0, 500);
      if (!failure.transient || (job.attempts >= job.maxAttempts && failure.keepTrying !== true)) {
        await finish(job, 'failed', failure.transient ? `重试${job.attempts}次后仍失败：${message}` : message, null);
        return 'failed';
      }
      const backoff = Math.min(backoffBase * 2 ** (job.attempts - 1), backoffMax);
      const delay = Math.max(backoff, failure.retryAfterMs ?? 0);
      const at = now();
      await Job.updateOne(
        { _id: job.id, incarnation: job.incarnation, version: job.version },
        { $set: { status: 'pending', runAt: new Date(at.getTime() + delay), leaseOwner: null, leaseUntil: null, lastError: message, version: job.version + 1, updatedAt: at } },
      );
      job.version += 1;
      return 'retry';
    },

    async cancel({ group, tags, kind }) {
      const docs = await Job.find({ group, status: 'pending', ...(kind ? { kind } : {}) }).lean<JobDoc[]>();
      let cancelled = 0;
      for (const doc of docs) {
        if (tags && !tags.includes(doc.tag ?? '')) continue;
        if (!(await takeStep(doc._id, doc.incarnation, doc.version, 'cancel'))) continue;
        // Cancelled work is deleted, not archived: the same id may legitimately be scheduled again
        // (e.g. a reminder for the same date after a consultation that paused nothing).
        const res = await Job.deleteOne({ _id: doc._id, incarnation: doc.incarnation, version: doc.version });
        await dropClaims(doc._id, doc.incarnation, doc.version);
        cancelled += res.deletedCount;
      }
      return cancelled;
    },

    async discard(id) {
      const doc = await Job.findById(id).lean<JobDoc>();
      if (!doc || doc.status !== 'pending') return false;
      if (!(await takeStep(doc._id, doc.incarnation, doc.version, 'discard'))) return false;
      const res = await Job.deleteOne({ _id: doc._id, incarnation: doc.incarnation, version: doc.version });
      await dropClaims(doc._id, doc.incarnation, doc.version);
      return res.deletedCount === 1;
    },

    async get(id) {
      const active = await Job.findById(id).lean<JobDoc>();
      if (active) return viewOf(active);
      const done = await JobArchive.findById(id).lean();
      if (!done) return null;
      return { id: done._id, kind: done.kind, status: done.status, attempts: done.attempts, lastError: done.lastError ?? null, result: done.result ?? null };
    },

    async active(filter = {}) {
      const docs = await Job.find({ ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.group ? { group: filter.group } : {}) }).lean<JobDoc[]>();
      return docs.map(viewOf);
    },
  };
  return store;
}

function viewOf(doc: JobDoc): JobView {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    attempts: doc.attempts,
    lastError: doc.lastError ?? null,
    runAt: doc.runAt,
    leaseOwner: doc.leaseOwner,
    payload: doc.payload ?? {},
  };
}
