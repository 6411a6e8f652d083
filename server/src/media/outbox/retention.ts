// Retention of the outbox's history: what each publication leaves behind, and how long.
//
//   kept for good   contentitems, mediaposts (the ledger: what went out, where, when — what
//                   mediaCounts and so the annual report count, and the proof an audit asks for),
//                   audit, mediaaccounts; mediacounts / mediafeedstamps (one per body-year / body)
//   kept            failed deliveries (few, and waiting for a person: retry or leave)
//   180 days        done deliveries and their steps (the detailed push history staff look back
//                   at; afterwards the item shows them from the ledger) and the archive entries of
//                   delivery jobs (no id of theirs is scheduled again once its intent is gone)
//   2 days          archive entries of the 5-minute sweep and of this daily job (288 a day)
//   1 hour          job claims left behind by a failed clean-up (jobs/prune.ts)
//   (no record)     webhook repeats are dropped by the receiver on X-Zwgk-Delivery; WeChat and
//                   Weibo reconciliation reads the delivery's own steps; intents leave at once.
//
// A done delivery is removed only when its post is in the ledger, so pruning never changes a
// count, and publishing the item to more accounts later never re-creates it (schedule.ts skips
// accounts whose post is in the ledger): never the same item twice on an account.
import { pruneArchive, pruneClaims } from '../../jobs';
import type { Logger } from '../../log';
import { Delivery, DeliveryStep } from '../models/delivery';
import { MediaPost } from '../models/post';
import { loadDeliveries } from './delivery-store';
import { DELIVERY_JOB_KIND } from './schedule';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface OutboxRetention {
  doneDeliveriesMs: number;
  deliveryJobsMs: number;
  housekeepingJobsMs: number;
  claimsMs: number;
}

export const OUTBOX_RETENTION: OutboxRetention = {
  doneDeliveriesMs: 180 * DAY_MS,
  deliveryJobsMs: 180 * DAY_MS,
  housekeepingJobsMs: 2 * DAY_MS,
  claimsMs: HOUR_MS,
};

export interface PruneOptions {
  logger: Logger;
  /** Job kinds that only keep the outbox running (sweep, prune): their ids are per time window. */
  housekeepingKinds: readonly string[];
  now?: Date;
  retention?: Partial<OutboxRetention>;
  /** Aborted when the job's lease is lost: stop between batches. */
  signal?: AbortSignal;
}

export interface PruneResult {
  deliveries: number;
  steps: number;
  archived: number;
  claims: number;
}

/** Deliveries handled per round: each round is two scans (loadDeliveries) and two deletes. */
const BATCH = 500;

export async function pruneOutboxHistory(options: PruneOptions): Promise<PruneResult> {
  const now = (options.now ?? new Date()).getTime();
  const retention = { ...OUTBOX_RETENTION, ...options.retention };
  const result: PruneResult = { deliveries: 0, steps: 0, archived: 0, claims: 0 };

  // Done deliveries: found through the step that made them done (one scan of the steps).
  const cutoff = new Date(now - retention.doneDeliveriesMs);
  const doneSteps = await DeliveryStep.find({ 'set.status': 'done', at: { $lt: cutoff } }, { deliveryId: 1 }).lean();
  const candidates = [...new Set(doneSteps.map((s) => s.deliveryId))];
  for (let i = 0; i < candidates.length && !options.signal?.aborted; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    const states = await loadDeliveries(batch);
    const found = new Set(states.map((d) => d._id));
    // Steps whose base is gone: an earlier run removed the base and stopped before its steps.
    const orphans = batch.filter((id) => !found.has(id));
    const done = states.filter((d) => d.status === 'done' && d.updatedAt < cutoff);
    const inLedger = await Promise.all(done.map((d) => MediaPost.exists({ _id: d._id })));
    const prunable = done.filter((d, k) => {
      if (!inLedger[k]) options.logger.warn({ deliveryId: d._id }, 'done delivery without a post in the ledger: kept');
      return Boolean(inLedger[k]);
    });
    const ids = prunable.map((d) => d._id);
    // The base first: without it the delivery no longer exists for anyone, whatever steps remain.
    if (ids.length) result.deliveries += (await Delivery.deleteMany({ _id: { $in: ids } })).deletedCount;
    const stepsOf = [...ids, ...orphans];
    if (stepsOf.length) result.steps += (await DeliveryStep.deleteMany({ deliveryId: { $in: stepsOf } })).deletedCount;
  }
  if (options.signal?.aborted) return result;

  result.archived += await pruneArchive([DELIVERY_JOB_KIND], new Date(now - retention.deliveryJobsMs));
  result.archived += await pruneArchive(options.housekeepingKinds, new Date(now - retention.housekeepingJobsMs));
  result.claims = await pruneClaims(new Date(now - retention.claimsMs));
  return result;
}
