// Wiring of the outbox onto a job runner (server/src/jobs):
// - `media.delivery` jobs: one per (item, account, generation) — outbox/handler.ts;
// - `media.sweep` jobs: one per 5-minute window (deterministic id), each scheduling the next,
//   so exactly one instance completes interrupted publish decisions per window and no timer
//   needs starting or stopping;
// - `media.prune` jobs: one per day (Beijing date, due 03:30), the same way: marks deliveries
//   abandoned by a failed job as failed (reconcile.ts), then prunes the history (retention.ts).
// The server registers these on its shared runner (routes/media); `worker-main.ts` runs a
// runner with only these kinds (crash tests, or a dedicated worker process).
import type { JobRunner, JobStore, RetentionRule, ScheduleResult } from '../../jobs';
import type { Logger } from '../../log';
import type { MediaSettings } from '../settings';
import { createDeliveryHandler } from './handler';
import { reconcileAbandonedDeliveries } from './reconcile';
import { OUTBOX_RETENTION, pruneOutboxHistory } from './retention';
import { DELIVERY_JOB_KIND, sweepPendingDecisions } from './schedule';

export const SWEEP_JOB_KIND = 'media.sweep';
export const SWEEP_WINDOW_MS = 5 * 60_000;
export const PRUNE_JOB_KIND = 'media.prune';
const DAY_MS = 24 * 3_600_000;
/** Asia/Shanghai is UTC+8 all year; the prune runs at 03:30 there, away from office hours. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const PRUNE_AT_MS = 3.5 * 3_600_000;

export interface OutboxDeps {
  runner: JobRunner;
  jobs: JobStore;
  settings: MediaSettings;
  logger: Logger;
}

const sweepId = (window: number) => `media:sweep:${window}`;

export async function scheduleSweep(jobs: JobStore, at: number = Date.now()): Promise<void> {
  const window = Math.floor(at / SWEEP_WINDOW_MS);
  await jobs.schedule({ id: sweepId(window), kind: SWEEP_JOB_KIND, runAt: new Date(window * SWEEP_WINDOW_MS), maxAttempts: 3 });
}

const pruneId = (day: number) => `media:prune:${day}`;

/** Schedules the prune of the (Beijing) day of `at`; due at once when that day's 03:30 has passed. */
export async function schedulePrune(jobs: JobStore, at: number = Date.now()): Promise<ScheduleResult> {
  const day = Math.floor((at + BEIJING_OFFSET_MS) / DAY_MS);
  return jobs.schedule({ id: pruneId(day), kind: PRUNE_JOB_KIND, runAt: new Date(day * DAY_MS - BEIJING_OFFSET_MS + PRUNE_AT_MS), maxAttempts: 3 });
}

const days = (ms: number) => `${ms / DAY_MS} days`;

/**
 * The outbox's retention, declared to the server's registry (jobs/retention.ts) and pruned by its
 * own daily job: `media.prune` marks deliveries abandoned by a failed job as failed before their
 * job entries may go (reconcile.ts), so the generic job does not touch these kinds.
 */
export const outboxRetentionRules: readonly RetentionRule[] = [
  {
    what: `jobarchive: ${DELIVERY_JOB_KIND}`,
    kinds: [DELIVERY_JOB_KIND],
    keep: days(OUTBOX_RETENTION.deliveryJobsMs),
    why: 'one id per (item, account, generation); once its intent is gone it is never scheduled again, and publishing to more accounts skips accounts already in the ledger',
    by: PRUNE_JOB_KIND,
  },
  {
    what: `jobarchive: ${SWEEP_JOB_KIND}, ${PRUNE_JOB_KIND}`,
    kinds: [SWEEP_JOB_KIND, PRUNE_JOB_KIND],
    keep: days(OUTBOX_RETENTION.housekeepingJobsMs),
    why: 'one id per 5-minute window / Beijing day; a past one is never scheduled again (each run schedules the next)',
    by: PRUNE_JOB_KIND,
  },
  {
    what: 'mediadeliveries, mediadeliverysteps (done)',
    keep: days(OUTBOX_RETENTION.doneDeliveriesMs),
    why: 'only when the post is in the ledger (mediaposts, kept): counts do not move, and the item shows them from the ledger',
    by: PRUNE_JOB_KIND,
  },
];

/** Registers the outbox's job kinds on `runner` and schedules the current sweep window and prune day. */
export function registerOutbox(deps: OutboxDeps): void {
  const logger = deps.logger.child({ component: 'media-outbox' });
  deps.runner.register(DELIVERY_JOB_KIND, createDeliveryHandler({ settings: deps.settings, logger }));
  deps.runner.register(SWEEP_JOB_KIND, async () => {
    await scheduleSweep(deps.jobs, Date.now() + SWEEP_WINDOW_MS);
    const completed = await sweepPendingDecisions(deps.jobs, logger);
    deps.runner.wake();
    return { completed };
  });
  deps.runner.register(PRUNE_JOB_KIND, async (_job, ctx) => {
    await schedulePrune(deps.jobs, Date.now() + DAY_MS);
    const reconciled = await reconcileAbandonedDeliveries(deps.jobs, logger);
    const pruned = await pruneOutboxHistory({ logger, housekeepingKinds: [SWEEP_JOB_KIND, PRUNE_JOB_KIND], signal: ctx.signal });
    logger.info({ reconciled, ...pruned }, 'outbox history pruned');
    return { reconciled, ...pruned };
  });
  scheduleSweep(deps.jobs).catch((err: unknown) => logger.warn({ err }, 'could not schedule the outbox sweep'));
  schedulePrune(deps.jobs).catch((err: unknown) => logger.warn({ err }, 'could not schedule the outbox prune'));
}
