// From a publish decision to delivery jobs, without losing or doubling anything on a crash:
//   1. insert an intent (`mediaoutboxintents`, `_id` = `<itemId>:<version>`);
//   2. write the decision on the item (one conditional write: status, accounts, publishAt);
//   3. insert the delivery record of each account (`_id` = `<itemId>:<accountId>`; an existing
//      one is kept) and schedule the decision's job in the shared lease store (server/src/jobs,
//      id `media:<itemId>:<version>`, scheduled once however often this runs);
//   4. delete the intent.
// A crash before 2 leaves an intent for an item without that decision: the sweep drops it
// (nothing was decided). A crash after 2 leaves an intent for a published item: the sweep
// (`sweepPendingDecisions`, at every worker start and once per 5-minute window) repeats step
// 3, which is idempotent by those deterministic ids, and then step 4. So every decided
// (item, account) gets exactly one delivery, and each decision one job.
// Why an intent and not a flag on the item: on FerretDB every update scans its collection;
// clearing a flag would be a second update of `contentitems` per publish, while inserting and
// deleting in a collection that only holds decisions in flight costs nothing.
import type { AccountPlatform } from '@zwgk/shared';
import type { JobStore } from '../../jobs';
import type { Logger } from '../../log';
import { MediaAccount } from '../models/account';
import { ContentItem, type ContentItemDoc } from '../models/content-item';
import { OutboxIntent } from '../models/intent';
import { MediaPost } from '../models/post';
import { Delivery, deliveryId, type DeliveryAdapter, type DeliveryBaseDoc, type DeliveryDoc } from '../models/delivery';
import { touchFeeds } from '../feeds/stamp';
import { loadDeliveries } from './delivery-store';
import { isDuplicateKeyError, isOnlyDuplicates } from '../../db/duplicate';

export const DELIVERY_JOB_KIND = 'media.delivery';
/** Platform errors are retried with backoff this many times before the delivery fails for good. */
export const DELIVERY_MAX_ATTEMPTS = 12;

/** The job of a publish decision (`<itemId>:<version>`, the intent id) or of a retry of one delivery. */
export const decisionJobId = (intent: string) => `media:${intent}`;
export const retryJobId = (deliveryId: string, generation: number) => `media:retry:${deliveryId}:${generation}`;

export interface JobDelivery {
  deliveryId: string;
  generation: number;
}

export interface DeliveryJobPayload {
  deliveries: JobDelivery[];
}

export function adapterOf(platform: AccountPlatform): DeliveryAdapter {
  return platform === 'wechat_oa' ? 'wechat' : platform === 'weibo' ? 'weibo' : 'webhook';
}

export type DecidedItem = Pick<ContentItemDoc, '_id' | 'bodyId' | 'publish' | 'status'>;

export async function scheduleDeliveries(jobs: JobStore, item: DecidedItem, intent: string): Promise<number> {
  const decision = item.publish;
  if (!decision || decision.accountIds.length === 0) return 0;
  // Inserts, not upserts: on FerretDB an update scans the collection, an insert does not.
  const accounts = await MediaAccount.find({ _id: { $in: decision.accountIds } }, { platform: 1 }).lean();
  // An account whose post is in the ledger already has the item — its delivery may have been
  // pruned (retention.ts): never create it again (reads by `_id`: the ledger only grows).
  const posted = await Promise.all(accounts.map((a) => MediaPost.exists({ _id: deliveryId(item._id, a._id) })));
  const unposted = accounts.filter((_, k) => !posted[k]);
  if (unposted.length === 0) return 0;
  const now = new Date();
  const fresh = unposted.map(
    (account): DeliveryBaseDoc => ({
      _id: deliveryId(item._id, account._id),
      itemId: item._id,
      accountId: account._id,
      bodyId: item.bodyId,
      adapter: adapterOf(account.platform),
      runAt: decision.publishAt,
      created: { at: now, text: decision.publishAt > now ? `已排期，将于 ${decision.publishAt.toISOString()} 推送` : '已决定发布，等待推送' },
      createdAt: now,
    }),
  );
  let existing: DeliveryDoc[] = [];
  try {
    await Delivery.collection.insertMany(fresh as never[], { ordered: false });
  } catch (err) {
    if (!isOnlyDuplicates(err)) throw err;
    // Some exist already (a repeated run): keep them, and use their generation.
    existing = await loadDeliveries(fresh.map((d) => d._id));
  }
  const deliveries = fresh.map((d): JobDelivery => ({ deliveryId: d._id, generation: existing.find((e) => e._id === d._id)?.generation ?? 0 }));
  const payload: DeliveryJobPayload = { deliveries };
  const result = await jobs.schedule({ id: decisionJobId(intent), kind: DELIVERY_JOB_KIND, runAt: decision.publishAt, payload: { ...payload }, group: `media:${item._id}`, maxAttempts: DELIVERY_MAX_ATTEMPTS });
  return result === 'scheduled' ? deliveries.length : 0;
}

export const intentId = (itemId: string, version: number) => `${itemId}:${version}`;

export async function recordIntent(itemId: string, version: number): Promise<string> {
  const id = intentId(itemId, version);
  try {
    await OutboxIntent.create({ _id: id, itemId, createdAt: new Date() });
  } catch (err) {
    // Left over from an attempt that failed at this version: it says the same thing.
    if (!isDuplicateKeyError(err)) throw err;
  }
  return id;
}

export async function dropIntent(id: string): Promise<void> {
  await OutboxIntent.deleteOne({ _id: id });
}

/**
 * Finishes publish decisions interrupted by a crash (their intent is still there). Intents
 * younger than `olderThanMs` belong to a command still running and are left alone.
 * Returns how many it completed.
 */
export async function sweepPendingDecisions(jobs: JobStore, logger: Logger, olderThanMs = 30_000): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const intents = await OutboxIntent.find({}).lean();
  let done = 0;
  for (const intent of intents) {
    if (intent.createdAt > cutoff) continue;
    const item = await ContentItem.findById(intent.itemId, { bodyId: 1, publish: 1, status: 1 }).lean<DecidedItem>();
    if (item?.status === 'published' && item.publish) {
      const scheduled = await scheduleDeliveries(jobs, item, intent._id);
      // The command may have died before renewing the body's stamp: feeds and counts must see the item.
      await touchFeeds(item.bodyId);
      logger.info({ itemId: item._id, scheduled }, 'completed an interrupted publish decision');
      done += 1;
    }
    await dropIntent(intent._id);
  }
  return done;
}
