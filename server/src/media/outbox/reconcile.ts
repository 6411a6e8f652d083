// Safety net: deliveries left pending by a delivery job that ended as failed.
//
// A delivery job only ends after each of its deliveries is done or failed — except when it
// could not record one: the handler then asks to be run again (RetryLater keepTrying, even past
// its budget), but an error of another kind on the last attempt still closes the job as failed,
// and data written before that rule existed may hold such deliveries. Nothing would ever run
// them again, and staff would see 等待推送 forever, with no retry offered (only failed ones can
// be retried). This marks them failed with the job's reason, so staff see why and can retry
// (a retry still reconciles with the platform before posting: the attempt record is kept).
//
// Cost: one scan of `jobarchive` (failed entries of the delivery kind are rare), then reads by
// `_id`. Run by the daily `media.prune` job, before archive entries are pruned.
import type { JobStore } from '../../jobs';
import { JobArchive } from '../../jobs';
import type { Logger } from '../../log';
import { ContentItem } from '../models/content-item';
import { deliveryId, type DeliveryDoc } from '../models/delivery';
import { appendStep, DeliveryConflict, loadDeliveries } from './delivery-store';
import { DELIVERY_JOB_KIND, type JobDelivery } from './schedule';

/** The deliveries (and generation) a delivery job carried, derived from its id (schedule.ts). */
export async function deliveriesOfJob(jobId: string): Promise<JobDelivery[]> {
  const retry = /^media:retry:(.+):(\d+)$/.exec(jobId);
  if (retry) return [{ deliveryId: retry[1]!, generation: Number(retry[2]) }];
  const decision = /^media:([^:]+):\d+$/.exec(jobId);
  if (!decision) return [];
  const item = await ContentItem.findById(decision[1], { publish: 1 }).lean();
  return (item?.publish?.accountIds ?? []).map((a) => ({ deliveryId: deliveryId(decision[1]!, a), generation: 0 }));
}

const isOpen = (d: DeliveryDoc) => d.status === 'pending' || d.status === 'running';

/** Marks the abandoned deliveries failed; returns how many. */
export async function reconcileAbandonedDeliveries(jobs: JobStore, logger: Logger): Promise<number> {
  const ended = await JobArchive.find({ kind: DELIVERY_JOB_KIND, status: 'failed' }, { lastError: 1, group: 1 }).lean();
  let marked = 0;
  for (const entry of ended) {
    const carried = await deliveriesOfJob(entry._id);
    if (carried.length === 0) continue;
    const generationOf = new Map(carried.map((c) => [c.deliveryId, c.generation]));
    const abandoned = (await loadDeliveries(carried.map((c) => c.deliveryId))).filter((d) => isOpen(d) && d.generation === generationOf.get(d._id));
    if (abandoned.length === 0) continue;
    // Another job of the item (a later decision carrying the same deliveries) will run them.
    if (entry.group && (await jobs.active({ group: entry.group })).length > 0) continue;
    const reason = `推送任务已结束，但未能记录本条的结果（${entry.lastError ?? '原因不明'}）。可重新推送：系统会先与平台核对，不会重复发布`;
    for (const d of abandoned) {
      try {
        // The attempt record is kept: a retry reconciles an unknown outcome instead of posting.
        await appendStep(d, { set: { status: 'failed', failure: { reason, code: 'JOB_ENDED', at: new Date() } }, event: `推送失败：${reason}` });
        marked += 1;
        logger.warn({ deliveryId: d._id, jobId: entry._id }, 'delivery left open by a failed job marked failed');
      } catch (err) {
        // Someone wrote it meanwhile (a staff retry): it is no longer abandoned.
        if (!(err instanceof DeliveryConflict)) throw err;
      }
    }
  }
  return marked;
}
