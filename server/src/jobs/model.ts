// Three collections make the lease module (server/src/jobs/):
// - `jobs`: ACTIVE work only (pending or running). The claim query is the one non-`_id` query
//   of the module, and FerretDB answers it by scanning the collection, so nothing finished
//   stays here: the claim costs O(active jobs), not O(all jobs ever).
// - `jobarchive`: finished work (done / failed), read only by `_id` (cheap on FerretDB). It is
//   what makes a deterministic id "already done" forever: scheduling it again is a no-op.
// - `jobclaims`: one tiny document per version step of a job (`<id>:<incarnation>:<version>`).
//   Every write to an existing job first inserts the claim of the version it read; the unique
//   `_id` lets exactly one writer per version through. Unique inserts are atomic on MongoDB
//   AND on FerretDB (SQLite unique index), unlike conditional updates (read-modify-write in
//   FerretDB), so leases hold across processes on both databases.
import mongoose, { Schema } from 'mongoose';

export type ActiveJobStatus = 'pending' | 'running';
export type FinishedJobStatus = 'done' | 'failed';
export type JobStatus = ActiveJobStatus | FinishedJobStatus;

export interface JobDoc {
  /** Deterministic: the unit of work, e.g. `reminder:<requestId>:reply_due_soon:2026-03-05`. */
  _id: string;
  kind: string;
  runAt: Date;
  status: ActiveJobStatus;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  /** Runs started so far (a takeover after a crash counts as a new attempt). */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** JSON data for the handler; never personal data (ids only, the handler loads the rest). */
  payload: Record<string, unknown>;
  /** Lets related jobs be cancelled together, e.g. `reminders:<requestId>`. */
  group: string | null;
  /** Sub-kind inside a group, e.g. the reminder kind. */
  tag: string | null;
  /** Random per insert, so claims of an earlier job with the same id never collide. */
  incarnation: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const jobSchema = new Schema<JobDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    runAt: { type: Date, required: true },
    status: { type: String, enum: ['pending', 'running'], required: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    maxAttempts: { type: Number, default: 8 },
    lastError: { type: String, default: null },
    payload: { type: Schema.Types.Mixed, default: {} },
    group: { type: String, default: null },
    tag: { type: String, default: null },
    incarnation: { type: String, required: true },
    version: { type: Number, default: 0 },
  },
  { collection: 'jobs', timestamps: true, versionKey: false, minimize: false },
);
// Used by MongoDB for the claim query; FerretDB keeps it but scans anyway (hence the lean collection).
jobSchema.index({ status: 1, runAt: 1 });

export interface JobArchiveDoc {
  _id: string;
  kind: string;
  status: FinishedJobStatus;
  attempts: number;
  lastError: string | null;
  group: string | null;
  tag: string | null;
  /** Small outcome a handler chose to keep (e.g. the WeChat msgid). */
  result: Record<string, unknown> | null;
  finishedAt: Date;
}

const jobArchiveSchema = new Schema<JobArchiveDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    status: { type: String, enum: ['done', 'failed'], required: true },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    group: { type: String, default: null },
    tag: { type: String, default: null },
    result: { type: Schema.Types.Mixed, default: null },
    finishedAt: { type: Date, required: true },
  },
  { collection: 'jobarchive', versionKey: false, minimize: false },
);

export interface JobClaimDoc {
  _id: string;
  owner: string;
  at: Date;
}

const jobClaimSchema = new Schema<JobClaimDoc>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'jobclaims', versionKey: false },
);

export const Job = mongoose.model<JobDoc>('Job', jobSchema);
export const JobArchive = mongoose.model<JobArchiveDoc>('JobArchive', jobArchiveSchema);
export const JobClaim = mongoose.model<JobClaimDoc>('JobClaim', jobClaimSchema);
