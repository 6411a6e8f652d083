// Staff-side of the outbox: see an item's deliveries, and try a failed one again (after
// fixing what its reason says, e.g. re-authorising the Weibo account).
//
// A retry never bypasses the exactly-once rules: the delivery keeps its progress (the
// WeChat draft, an open "attempt started" record), so the worker still reconciles before it
// would post. Order of writes: the new job (id with generation + 1) first, then the delivery's
// step; if the second write is lost, the worker adopts the newer generation (outbox/handler.ts).
import type { StaffActor } from '../../auth/actor';
import { createJobStore, type JobStore } from '../../jobs';
import { deliveryNotFound, refused } from '../errors';
import type { ContentItemDoc } from '../models/content-item';
import { deliveryId, DeliveryStep, type DeliveryDoc } from '../models/delivery';
import { MediaPost, type MediaPostDoc } from '../models/post';
import { appendStep, DeliveryConflict, loadDeliveries, loadDelivery } from '../outbox/delivery-store';
import { adapterOf, DELIVERY_JOB_KIND, DELIVERY_MAX_ATTEMPTS, retryJobId, type DeliveryJobPayload } from '../outbox/schedule';
import { assertBodyAccess } from './access';
import { loadItem } from './items';

export async function listItemDeliveries(actor: StaffActor, itemId: string): Promise<DeliveryDoc[]> {
  return deliveriesOfItem(await loadItem(actor, itemId));
}

/**
 * The deliveries of an item, in the order of its accounts. A done delivery pruned after its
 * retention (outbox/retention.ts) is shown from its post in the ledger: still 已推送, with the
 * platform id and link, without the step-by-step history.
 */
export async function deliveriesOfItem(item: Pick<ContentItemDoc, '_id' | 'bodyId' | 'publish'>): Promise<DeliveryDoc[]> {
  const ids = (item.publish?.accountIds ?? []).map((a) => deliveryId(item._id, a));
  const loaded = await loadDeliveries(ids);
  if (loaded.length === ids.length) return loaded;
  const byId = new Map(loaded.map((d) => [d._id, d]));
  const posts = await Promise.all(ids.map((id) => (byId.has(id) ? null : MediaPost.findById(id).lean())));
  return ids.flatMap((id, k) => {
    const post = posts[k];
    return byId.get(id) ?? (post ? [fromLedger(post)] : []);
  });
}

function fromLedger(post: MediaPostDoc): DeliveryDoc {
  const created = { at: post.postedAt, text: '推送完成（推送过程记录已按保留期限清理，发布台账保留）' };
  return {
    _id: post._id,
    itemId: post.itemId,
    accountId: post.accountId,
    bodyId: post.bodyId,
    adapter: adapterOf(post.platform),
    runAt: post.postedAt,
    created,
    createdAt: post.postedAt,
    status: 'done',
    generation: 0,
    steps: {},
    attempt: null,
    result: { at: post.postedAt, ...(post.platformId ? { platformId: post.platformId } : {}), ...(post.url ? { url: post.url } : {}) },
    attempts: 0,
    events: [created],
    version: 0,
    updatedAt: post.postedAt,
  };
}

/** Failed deliveries whose failure a new attempt can fix. WeChat 5/6 (went out, then removed) is not one. */
function retryRefusal(d: DeliveryDoc): string | null {
  if (d.status !== 'failed') return '只有推送失败的记录可以重试';
  if (d.failure?.code === 'PUBLISH_STATUS_5' || d.failure?.code === 'PUBLISH_STATUS_6') return '该文章已在微信发出后被删除或封禁，不能自动重发';
  return null;
}

export async function retryDelivery(actor: StaffActor, id: string, input: { version: number }, jobs: JobStore = createJobStore(), wake?: () => void): Promise<DeliveryDoc> {
  const d = await loadDelivery(id);
  if (!d) throw deliveryNotFound();
  await assertBodyAccess(actor, d.bodyId, deliveryNotFound());
  if (d.version !== input.version) throw refused('推送记录已变化，请刷新后重试', 'stale', { version: d.version });
  const why = retryRefusal(d);
  if (why) throw refused(why, 'not_retryable');
  const doc = await requeue(d, jobs, '工作人员重新推送');
  wake?.();
  return doc;
}

/**
 * After new credentials: deliveries of the account that failed on credentials or configuration
 * go again. Finds them through the steps that recorded a failure (a scan, but a rare action).
 */
export async function requeueAfterCredentials(actor: StaffActor, accountId: string, jobs: JobStore = createJobStore()): Promise<number> {
  const steps = await DeliveryStep.find({ accountId, 'set.status': 'failed' }, { deliveryId: 1 }).lean();
  let n = 0;
  for (const d of await loadDeliveries([...new Set(steps.map((s) => s.deliveryId))])) {
    if (d.status !== 'failed') continue;
    if (!['auth', 'token', 'config'].includes(d.failure?.kind ?? '') && d.failure?.code !== 'CREDENTIALS') continue;
    if (!(await assertBodyAccess(actor, d.bodyId).then(() => true, () => false))) continue;
    try {
      await requeue(d, jobs, '账号凭证已更新，自动重新推送');
      n += 1;
    } catch (err) {
      if (!(err instanceof DeliveryConflict)) throw err;
    }
  }
  return n;
}

async function requeue(d: DeliveryDoc, jobs: JobStore, why: string): Promise<DeliveryDoc> {
  const generation = d.generation + 1;
  // A WeChat publish that ended in 2–4 (not published) needs a new draft; everything else resumes.
  const restartDraft = /^PUBLISH_STATUS_[234]$/.test(d.failure?.code ?? '');
  const payload: DeliveryJobPayload = { deliveries: [{ deliveryId: d._id, generation }] };
  await jobs.schedule({ id: retryJobId(d._id, generation), kind: DELIVERY_JOB_KIND, runAt: new Date(), payload: { ...payload }, group: `media:${d.itemId}`, tag: d.accountId, maxAttempts: DELIVERY_MAX_ATTEMPTS });
  try {
    return await appendStep(d, {
      set: { generation, status: 'pending', 'steps.reconcileLooks': 0, ...(restartDraft ? { 'steps.draftMediaId': null, 'steps.publishId': null } : {}) },
      unset: ['failure'],
      event: why,
    });
  } catch (err) {
    if (err instanceof DeliveryConflict) throw refused('推送记录已变化，请刷新后重试', 'stale');
    throw err;
  }
}
