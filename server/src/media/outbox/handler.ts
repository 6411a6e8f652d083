// The job handler of kind `media.delivery`. One job carries the deliveries of one publish
// decision (an item to its accounts) or of one staff retry; each delivery is a record of its
// own (`mediadeliveries`, per item and account) with its own progress and attempt record. The
// handler runs them side by side: loads each, runs its platform adapter and records the
// outcome on the delivery (what staff see) and, when the platform accepted it, in the posts
// ledger (what the report counts). Done and failed deliveries are skipped when the job runs
// again, so a retry (transient error on one account) only repeats what is unfinished.
//
// Why one job per decision and not per delivery: the lease store's claim scans the active
// jobs on FerretDB (jobs/model.ts), so a third as many jobs is a ninth of the claim work.
//
// Runs under the lease of the shared job store (server/src/jobs): one worker at a time per
// job, taken over after a crash. Every write to a delivery is conditional on the version this
// worker last wrote, so a worker that lost its lease stops at its next write.
import { isDbUnavailableError } from '../../db/connection';
import type { ClaimedJob, JobContext, JobHandler } from '../../jobs';
import { RetryLater } from '../../jobs';
import type { Logger } from '../../log';
import { PlatformError } from '../../platforms';
import { touchFeeds } from '../feeds/stamp';
import { openCredentials } from '../credentials';
import { MediaAccount } from '../models/account';
import { ContentItem, type ContentItemDoc } from '../models/content-item';
import type { DeliveryDoc } from '../models/delivery';
import { appendStep, DeliveryConflict, loadDelivery, type DeliveryChange } from './delivery-store';
import { MediaPost } from '../models/post';
import { itemLink, type MediaSettings } from '../settings';
import { LeaseLost, type Adapter, type DeliveryOutcome, type DeliveryPatch } from './adapter';
import type { DeliveryJobPayload, JobDelivery } from './schedule';
import { deliverWebhook } from './webhook';
import { deliverWechat } from './wechat';
import { deliverWeibo } from './weibo';
import { isDuplicateKeyError } from '../../db/duplicate';

const ADAPTERS: Record<DeliveryDoc['adapter'], Adapter> = { wechat: deliverWechat, weibo: deliverWeibo, webhook: deliverWebhook };

export interface DeliveryHandlerDeps {
  settings: MediaSettings;
  logger: Logger;
}

type RunResult = { kind: 'finished'; status: 'done' | 'failed' | 'skipped' } | { kind: 'retry'; message: string; retryAfterMs?: number };

export function createDeliveryHandler(deps: DeliveryHandlerDeps): JobHandler {
  return async (job, jctx) => {
    const payload = job.payload as unknown as DeliveryJobPayload;
    const items = new Map<string, Promise<ContentItemDoc | null>>();
    const itemOf = (id: string) => {
      let p = items.get(id);
      if (!p) items.set(id, (p = ContentItem.findById(id).lean().exec()));
      return p;
    };
    const results = await Promise.allSettled(payload.deliveries.map((entry) => runDelivery(deps, job, jctx, entry, itemOf)));
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const lost = errors.find((e) => e instanceof LeaseLost);
    if (lost) throw lost;
    // Anything else that escaped (the database went away mid-write…) is worth another run. When
    // the database was away, that delivery's outcome is not recorded: the job must not end here
    // even on its last attempt (the delivery would stay pending with no job behind it). The next
    // run records it — past the budget, retryOrGiveUp fails it with the reason.
    if (errors.length) {
      throw new RetryLater(errors.map((e) => (e instanceof Error ? e.message : String(e))).join('；'), undefined, { keepTrying: errors.some(isDbUnavailableError) });
    }
    const settled = results.map((r) => (r as PromiseFulfilledResult<RunResult>).value);
    const retries = settled.filter((r): r is Extract<RunResult, { kind: 'retry' }> => r.kind === 'retry');
    if (retries.length) {
      const after = Math.max(0, ...retries.map((r) => r.retryAfterMs ?? 0));
      throw new RetryLater(retries.map((r) => r.message).join('；'), after || undefined);
    }
    const count = (status: string) => settled.filter((r) => r.kind === 'finished' && r.status === status).length;
    return { done: count('done'), failed: count('failed'), skipped: count('skipped') };
  };
}

async function runDelivery(deps: DeliveryHandlerDeps, job: ClaimedJob, jctx: JobContext, entry: JobDelivery, itemOf: (id: string) => Promise<ContentItemDoc | null>): Promise<RunResult> {
  const writer = new DeliveryWriter(entry.deliveryId);
  let delivery = await writer.load();
  if (!delivery) return { kind: 'finished', status: 'skipped' };
  if (entry.generation < delivery.generation) return { kind: 'finished', status: 'skipped' };
  if (entry.generation > delivery.generation) {
    // A staff retry scheduled this job and crashed before updating the delivery: adopt it.
    delivery = await writer.write({ set: { generation: entry.generation, status: 'pending' }, unset: ['failure'], event: '按重新推送的任务继续' });
  }
  if (delivery.status === 'done' || delivery.status === 'failed') return { kind: 'finished', status: 'skipped' };
  if (delivery.runAt.getTime() > Date.now() + 1000) return { kind: 'retry', message: '尚未到发布时间', retryAfterMs: delivery.runAt.getTime() - Date.now() };

  const [item, account] = await Promise.all([itemOf(delivery.itemId), MediaAccount.findById(delivery.accountId).lean()]);
  if (!item || !account) return finishFailed(writer, { kind: 'failed', code: 'GONE', reason: '信息或账号已不存在' });

  const takeover = job.takeover && delivery.status === 'running';
  // Recorded with the first write of this run (a write saved per delivery: on FerretDB every
  // update costs a scan of its collection).
  writer.startWith({ status: 'running', attempts: delivery.attempts + 1 }, takeover ? `第${job.attempts}次推送开始（上一个处理进程中断，接管继续）` : `第${job.attempts}次推送开始`);

  let outcome: DeliveryOutcome;
  try {
    let credentials: Record<string, string>;
    try {
      credentials = openCredentials(account.credentials) ?? {};
    } catch {
      return await finishFailed(writer, { kind: 'failed', code: 'CREDENTIALS', reason: '账号的接口凭证无法解密，请重新填写' });
    }
    outcome = await ADAPTERS[delivery.adapter]({
      delivery,
      item,
      account,
      credentials,
      settings: deps.settings,
      jobAttempt: job.attempts,
      signal: jctx.signal,
      logger: jctx.logger,
      link: itemLink(deps.settings, item._id),
      save: async (patch) => {
        delivery = await writer.write(patchUpdate(patch));
      },
    });
  } catch (err) {
    if (err instanceof LeaseLost) throw err;
    return retryOrGiveUp(writer, job, err);
  }

  if (outcome.kind === 'failed') return finishFailed(writer, outcome);
  const postedAt = new Date();
  try {
    await MediaPost.create({
      _id: delivery._id,
      itemId: item._id,
      accountId: account._id,
      bodyId: item.bodyId,
      platform: account.platform,
      origin: item.origin,
      category: item.category,
      postedAt,
      ...(outcome.platformId ? { platformId: outcome.platformId } : {}),
      ...(outcome.url ? { url: outcome.url } : {}),
      demo: false,
    });
  } catch (err) {
    // Already in the ledger: a previous run got this far and died before marking the delivery done.
    if (!isDuplicateKeyError(err)) throw err;
  }
  // Counts (and the report module, which reads this stamp too) see the new post — renewed
  // before the delivery is marked done, so a crash here is simply retried.
  await touchFeeds(item.bodyId);
  const result = { at: new Date(), ...(outcome.platformId ? { platformId: outcome.platformId } : {}), ...(outcome.url ? { url: outcome.url } : {}), ...(outcome.note ? { note: outcome.note } : {}) };
  const text = [outcome.event, outcome.note ? `推送完成：${outcome.note}` : '推送完成'].filter(Boolean).join('；');
  await writer.write({ set: { status: 'done', result, attempt: null }, unset: ['lastError'], event: text });
  return { kind: 'finished', status: 'done' };
}

/** Transient: record it and ask for a retry (the job store retries with backoff). Last attempt or permanent: the delivery fails with the reason. */
async function retryOrGiveUp(writer: DeliveryWriter, job: ClaimedJob, err: unknown): Promise<RunResult> {
  const platform = err instanceof PlatformError ? err : undefined;
  // Database hiccups and bugs are retried too: the attempt record keeps them from posting twice.
  const transient = platform ? platform.transient : true;
  const message = err instanceof Error ? err.message : String(err);
  if (!transient || job.attempts >= job.maxAttempts) {
    const reason = transient ? `重试${job.attempts}次后仍失败：${message}` : message;
    return finishFailed(writer, { kind: 'failed', reason, ...(platform ? { code: String(platform.code), errorKind: platform.kind } : {}) });
  }
  await writer.write({
    set: { status: 'pending', lastError: { message, ...(platform ? { code: String(platform.code) } : {}), transient: true, at: new Date() } },
    event: `第${job.attempts}次推送未完成：${message}，稍后自动重试`,
  });
  return { kind: 'retry', message, ...(platform?.retryAfterMs !== undefined ? { retryAfterMs: platform.retryAfterMs } : {}) };
}

async function finishFailed(writer: DeliveryWriter, outcome: Extract<DeliveryOutcome, { kind: 'failed' }>): Promise<RunResult> {
  await writer.write({
    set: {
      status: 'failed',
      ...(outcome.keepAttempt ? {} : { attempt: null }),
      failure: { reason: outcome.reason, ...(outcome.code ? { code: outcome.code } : {}), ...(outcome.errorKind ? { kind: outcome.errorKind } : {}), at: new Date() },
    },
    event: `推送失败：${outcome.reason}`,
  });
  return { kind: 'finished', status: 'failed' };
}

function patchUpdate(patch: DeliveryPatch): DeliveryChange {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch.steps ?? {})) set[`steps.${k}`] = v;
  if (patch.attempt !== undefined) set.attempt = patch.attempt;
  return { set, ...(patch.event ? { event: patch.event } : {}) };
}

/** The writes of one worker to one delivery, each the next step of the state it last wrote. */
class DeliveryWriter {
  private state: DeliveryDoc | null = null;
  private pending: { set: Record<string, unknown>; event: string } | undefined;
  constructor(private readonly id: string) {}

  async load(): Promise<DeliveryDoc | null> {
    this.state = await loadDelivery(this.id);
    return this.state;
  }

  /** Fields and an event to add to the next write (saves a write). */
  startWith(set: Record<string, unknown>, event: string): void {
    this.pending = { set, event };
  }

  async write(change: DeliveryChange): Promise<DeliveryDoc> {
    if (!this.state) throw new LeaseLost('推送记录已不存在');
    const pending = this.pending;
    const merged: DeliveryChange = {
      set: { ...(pending?.set ?? {}), ...(change.set ?? {}) },
      ...(change.unset ? { unset: change.unset } : {}),
      ...(pending || change.event ? { event: [pending?.event, change.event].filter(Boolean).join('；') } : {}),
    };
    try {
      this.state = await appendStep(this.state, merged);
    } catch (err) {
      if (err instanceof DeliveryConflict) throw new LeaseLost(err.message);
      throw err;
    }
    this.pending = undefined;
    return this.state;
  }
}
