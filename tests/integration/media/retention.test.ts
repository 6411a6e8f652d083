// Retention of the outbox's history (server/src/media/outbox/retention.ts, reconcile.ts): the
// daily `media.prune` job — one run across runners — marks deliveries abandoned by a failed job
// as failed, and removes done deliveries, their steps and job-archive entries past their
// retention, plus stray job claims; it keeps failed deliveries, recent history and the posts
// ledger, so the year's figures do not move and nothing is ever posted twice.
import { Job, JobArchive, JobClaim } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { createAccount } from '../../../server/src/media/commands/accounts';
import { listItemDeliveries, retryDelivery } from '../../../server/src/media/commands/deliveries';
import { mediaCounts } from '../../../server/src/media/counts';
import { touchFeeds } from '../../../server/src/media/feeds/stamp';
import { ContentItem } from '../../../server/src/media/models/content-item';
import { Delivery, DeliveryStep, deliveryId } from '../../../server/src/media/models/delivery';
import { MediaPost } from '../../../server/src/media/models/post';
import { loadDelivery } from '../../../server/src/media/outbox/delivery-store';
import { pruneOutboxHistory } from '../../../server/src/media/outbox/retention';
import { PRUNE_JOB_KIND, schedulePrune, SWEEP_JOB_KIND } from '../../../server/src/media/outbox/worker';
import { configurePii } from '../../../server/src/pii';
import { connectTestDatabase } from '../../support/db';
import { startWebhookReceiver, startWechatSimulator, startWeiboSimulator, type WebhookReceiver, type WechatSimulator, type WeiboSimulator } from '../../simulators';
import { approvedItem, BODY, editor, HOOK_SECRET, publish, settingsFor, settled, simAccounts, startWorker, type InProcessWorker } from './helpers';

const DAY_MS = 24 * 3_600_000;
let disconnect: () => Promise<void>;
let wechat: WechatSimulator;
let weibo: WeiboSimulator;
let hook: WebhookReceiver;
const workers: InProcessWorker[] = [];

beforeAll(async () => {
  configurePii(Buffer.alloc(32, 3));
  ({ disconnect } = await connectTestDatabase());
  [wechat, weibo, hook] = await Promise.all([startWechatSimulator(), startWeiboSimulator(), startWebhookReceiver({ secret: HOOK_SECRET })]);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const sim of [wechat, weibo, hook]) sim.faults.clear();
});
afterAll(async () => {
  await Promise.all([wechat, weibo, hook].map((s) => s.close()));
  await disconnect();
});

const urls = () => ({ wechat: wechat.url, weibo: weibo.url, webhook: hook.url });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const worker = () => {
  const w = startWorker(settingsFor(urls()));
  workers.push(w);
  return w;
};

async function until<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('the daily job runs once across two runners and marks a delivery left open by a failed job as failed', async () => {
  const { site } = await simAccounts(urls());
  // A delivery whose job ended as failed without recording it (what a worker dying on an
  // unexpected error at its last attempt, or data from before the fix, leaves behind).
  const holder = worker();
  await holder.stop();
  const item = await publish(holder.jobs, await approvedItem(1), [site._id]);
  const id = deliveryId(item._id, site._id);
  const [job] = await holder.jobs.claim(['media.delivery'], 'crashed-worker', 60_000);
  expect(await holder.jobs.fail(job!, { transient: false, message: '处理进程出错（测试）' })).toBe('failed');
  expect((await loadDelivery(id))?.status).toBe('pending');

  // A prune day that is due (3 days ago); scheduling it again is a no-op.
  expect(await schedulePrune(holder.jobs, Date.now() - 3 * DAY_MS)).toBe('scheduled');
  expect(await schedulePrune(holder.jobs, Date.now() - 3 * DAY_MS)).toBe('exists');
  const pastDay = Math.floor((Date.now() - 3 * DAY_MS + 8 * 3_600_000) / DAY_MS);
  const nextDay = Math.floor((Date.now() + DAY_MS + 8 * 3_600_000) / DAY_MS);

  // Two runners poll the same store (as two instances would).
  worker();
  worker();
  const ran = await until('the past prune day to finish', () => JobArchive.findById(`media:prune:${pastDay}`).lean());
  expect(ran).toMatchObject({ status: 'done', attempts: 1 });
  // Each run schedules the next day's (03:30 Beijing).
  const next = await until('the next prune day', () => Job.findById(`media:prune:${nextDay}`).lean());
  expect(next.runAt.getTime()).toBe(nextDay * DAY_MS - 8 * 3_600_000 + 3.5 * 3_600_000);

  const d = await until('the abandoned delivery to be failed', async () => {
    const state = await loadDelivery(id);
    return state?.status === 'failed' ? state : null;
  });
  expect(d.failure?.reason).toContain('处理进程出错（测试）');
  expect(d.failure?.code).toBe('JOB_ENDED');
  // Marked once in all, whichever runs of the daily job saw it.
  const runs = await JobArchive.find({ kind: PRUNE_JOB_KIND }).lean();
  expect(runs.reduce((n, r) => n + Number((r.result as { reconciled?: number } | null)?.reconciled ?? 0), 0)).toBe(1);
  // Staff see it failed on the item and may retry it.
  const [seen] = await listItemDeliveries(editor, item._id);
  expect(seen).toMatchObject({ status: 'failed', failure: { code: 'JOB_ENDED' } });
  const retried = await retryDelivery(editor, id, { version: seen!.version }, holder.jobs);
  expect(retried.status).toBe('pending');
  expect((await settled([id]))[0]!.status).toBe('done');
}, 55_000);

test('pruning removes done history past its retention, keeps failed and recent deliveries and the ledger: the year’s figures are unchanged', async () => {
  const accounts = await simAccounts(urls());
  const three = [accounts.wechat._id, accounts.weibo._id, accounts.site._id];
  const w = worker();
  // Old history: 3 items on 3 accounts, and one delivery that failed for good (Weibo token gone).
  const old: string[] = [];
  const oldIds: string[] = [];
  for (let n = 1; n <= 3; n++) {
    const item = await publish(w.jobs, await approvedItem(10 + n), three, w.runner);
    old.push(item._id);
    oldIds.push(...three.map((a) => deliveryId(item._id, a)));
  }
  expect((await settled(oldIds)).map((d) => d.status)).toEqual(oldIds.map(() => 'done'));
  weibo.faults.add({ path: '/2/statuses/share.json', kind: 'errcode', errcode: 21327, times: 'always' });
  const failing = await publish(w.jobs, await approvedItem(14), [accounts.weibo._id], w.runner);
  const failedId = deliveryId(failing._id, accounts.weibo._id);
  expect((await settled([failedId]))[0]!.status).toBe('failed');
  weibo.faults.clear();
  await until('the old jobs to finish', async () => ((await Job.countDocuments({ kind: 'media.delivery' })) === 0 ? true : null));
  await sleep(20);
  const cutoff = new Date();
  await sleep(20);
  // Recent history: 2 more items.
  const recentIds: string[] = [];
  for (let n = 1; n <= 2; n++) {
    const item = await publish(w.jobs, await approvedItem(20 + n), three, w.runner);
    recentIds.push(...three.map((a) => deliveryId(item._id, a)));
  }
  expect((await settled(recentIds)).map((d) => d.status)).toEqual(recentIds.map(() => 'done'));
  await until('the recent jobs to finish', async () => ((await Job.countDocuments({ kind: 'media.delivery' })) === 0 ? true : null));
  await w.stop();
  expect((await loadDelivery(failedId))?.status).toBe('failed');

  // A claim left behind by a failed clean-up (hours old), and one being written now.
  await JobClaim.create({ _id: 'reminder:r1:reply_due_soon:2026-01-05:abc:3', owner: 'gone', at: new Date(Date.now() - 2 * 3_600_000) });
  await JobClaim.create({ _id: 'reminder:r2:reply_due_soon:2026-01-05:abc:0', owner: 'busy', at: new Date() });

  // Today: only the stray claim is old enough to go.
  const today = await pruneOutboxHistory({ logger: silentLogger, housekeepingKinds: [SWEEP_JOB_KIND, PRUNE_JOB_KIND] });
  expect(today).toEqual({ deliveries: 0, steps: 0, archived: 0, claims: 1 });
  expect(await JobClaim.findById('reminder:r1:reply_due_soon:2026-01-05:abc:3').lean()).toBeNull();
  expect(await JobClaim.findById('reminder:r2:reply_due_soon:2026-01-05:abc:0').lean()).not.toBeNull();

  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  // Figures computed from the records: a new stamp makes mediaCounts count again.
  await touchFeeds(BODY);
  const before = { counts: await mediaCounts(BODY, year), posts: await MediaPost.countDocuments({}) };
  // 5 items on WeChat and Weibo (the site is not new media), the failed one not counted.
  expect(before.counts.newMedia.original).toBeGreaterThanOrEqual(10);
  expect(before.counts.itemsByCategory.news).toBeGreaterThanOrEqual(6);
  expect(await MediaPost.countDocuments({ _id: { $in: [...oldIds, ...recentIds] } })).toBe(oldIds.length + recentIds.length);
  const archivedBefore = await JobArchive.find({}, { kind: 1, finishedAt: 1 }).lean();
  const oldDecisionJobs = archivedBefore.filter((a) => a.kind === 'media.delivery' && a.finishedAt < cutoff).map((a) => a._id);
  expect(oldDecisionJobs.length).toBeGreaterThanOrEqual(4);

  // As if 180 days had passed since the cutoff (retention of done deliveries and their jobs).
  const now = new Date(cutoff.getTime() + 180 * DAY_MS);
  const result = await pruneOutboxHistory({ logger: silentLogger, housekeepingKinds: [SWEEP_JOB_KIND, PRUNE_JOB_KIND], now });
  // (The first test's delivery, done before the cutoff too, goes with them.)
  expect(result.deliveries).toBeGreaterThanOrEqual(oldIds.length);
  expect(result.steps).toBeGreaterThanOrEqual(oldIds.length * 2);

  // Removed: the old done deliveries, their steps, their jobs' archive entries, the sweeps' entries.
  expect(await Delivery.countDocuments({ _id: { $in: oldIds } })).toBe(0);
  expect(await DeliveryStep.countDocuments({ deliveryId: { $in: oldIds } })).toBe(0);
  expect(await JobArchive.countDocuments({ _id: { $in: oldDecisionJobs } })).toBe(0);
  expect(await JobArchive.countDocuments({ kind: SWEEP_JOB_KIND })).toBe(0);
  // Kept: the failed delivery (old as it is), the recent ones, a claim in use, every post.
  expect((await loadDelivery(failedId))?.status).toBe('failed');
  for (const id of recentIds) expect((await loadDelivery(id))?.status).toBe('done');
  expect(await JobArchive.countDocuments({ kind: 'media.delivery', finishedAt: { $gte: cutoff } })).toBeGreaterThanOrEqual(2);
  expect(await MediaPost.countDocuments({})).toBe(before.posts);

  // The year's figures, as the report reads them and recomputed from the records, did not move.
  expect(await mediaCounts(BODY, year)).toEqual(before.counts);
  await touchFeeds(BODY);
  expect(await mediaCounts(BODY, year)).toEqual(before.counts);

  // Staff still see the pruned deliveries as pushed, from the ledger, with the platform's id where
  // the ledger has one (a post confirmed only by the platform's "duplicate" answer — a retry after a
  // lost answer, e.g. a timeout on a busy machine — has none).
  const shown = await listItemDeliveries(editor, old[0]!);
  const ledger = await MediaPost.find({ _id: { $in: three.map((a) => deliveryId(old[0]!, a)) } }).lean();
  expect(ledger.filter((p) => p.platformId).length).toBeGreaterThan(0);
  const platformIdOf = (id: string) => ledger.find((p) => p._id === id)?.platformId ?? null;
  expect(shown.map((d) => [d._id, d.status, d.result?.platformId ?? null])).toEqual(three.map((a) => [deliveryId(old[0]!, a), 'done', platformIdOf(deliveryId(old[0]!, a))]));
  expect(shown[0]!.events[0]!.text).toContain('保留期限');

  // Publishing that item to one more account reaches only that account: the pruned deliveries
  // are not created again, so nothing goes out twice.
  const sent = { wechat: wechat.state.publishes.length, weibo: weibo.state.statuses.length, hook: hook.state.deliveries.length };
  const extra = await createAccount(editor, { platform: 'other', name: '平武县融媒体中心', openedOn: '2019-01-01', credentials: { webhookUrl: hook.url, webhookSecret: HOOK_SECRET } });
  const w2 = worker();
  const again = await publish(w2.jobs, (await ContentItem.findById(old[0]!).lean())!, [...three, extra._id], w2.runner);
  const [added] = await settled([deliveryId(again._id, extra._id)]);
  expect(added!.status).toBe('done');
  expect(await Delivery.countDocuments({ _id: { $in: three.map((a) => deliveryId(old[0]!, a)) } })).toBe(0);
  expect({ wechat: wechat.state.publishes.length, weibo: weibo.state.statuses.length, hook: hook.state.deliveries.length }).toEqual({ ...sent, hook: sent.hook + 1 });

  // A second run finds nothing more of that age.
  const rerun = await pruneOutboxHistory({ logger: silentLogger, housekeepingKinds: [SWEEP_JOB_KIND, PRUNE_JOB_KIND], now });
  expect(rerun).toMatchObject({ deliveries: 0, steps: 0 });
}, 58_000);
