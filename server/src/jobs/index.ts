// Scheduled and leased work shared by every instance: reminders, subscribe-message sends, the
// publishing outbox. See store.ts for the guarantees and model.ts for why claims are inserts.
export { createJobStore, DEFAULT_MAX_ATTEMPTS } from './store';
export type { ClaimedJob, FailResult, JobFailure, JobStore, JobStoreOptions, JobView, ScheduleInput, ScheduleResult } from './store';
export { JobRunner, RetryLater } from './runner';
export type { JobContext, JobHandler, JobRunnerOptions } from './runner';
export { Job, JobArchive, JobClaim } from './model';
export { pruneArchive, pruneArchiveUnlessNeeded, pruneClaimCollection, pruneClaims, type ArchivedRef } from './prune';
export { DAY_MS, HOUR_MS, jobsRetention, registerRetention, Retention, RETENTION_JOB_KIND, scheduleRetention } from './retention';
export type { DeclaredRule, PruneContext, RetentionRule } from './retention';
export type { JobDoc, JobArchiveDoc, JobStatus } from './model';
