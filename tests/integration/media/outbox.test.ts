// The publishing outbox in one process: each item reaches each account exactly once, also
// when the platforms misbehave (token expiry mid-run, busy, timeouts, lost answers), and
// permanent failures end with a reason staff can read.
import { configurePii } from '../../../server/src/pii';
import { setAccountCredentials } from '../../../server/src/media/commands/accounts';
import { deliveryId } from '../../../server/src/media/models/delivery';
import { loadDelivery, loadDeliveries } from '../../../server/src/media/outbox/delivery-store';
import { recordIntent, sweepPendingDecisions } from '../../../server/src/media/outbox/schedule';
import { OutboxIntent } from '../../../server/src/media/models/intent';
import { ContentItem } from '../../../server/src/media/models/content-item';
import { Job } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { MediaPost } from '../../../server/src/media/models/post';
import { itemLink } from '../../../server/src/media/settings';
import { connectTestDatabase } from '../../support/db';
import { startWebhookReceiver, startWechatSimulator, startWeiboSimulator, WEIBO_SIM_TOKEN, type WebhookReceiver, type WechatSimulator, type WeiboSimulator } from '../../simulators';
import { approvedItem, editor, HOOK_SECRET, publish, settingsFor, settled, simAccounts, SITE, startWorker, tally, type InProcessWorker } from './helpers';

let disconnect: () => Promise<void>;
let wechat: WechatSimulator;
let weibo: WeiboSimulator;
let hook: WebhookReceiver;
let worker: InProcessWorker | undefined;

beforeAll(async () => {
  configurePii(Buffer.alloc(32, 7));
  ({ disconnect } = await connectTestDatabase());
  [wechat, weibo, hook] = await Promise.all([startWechatSimulator(), startWeiboSimulator(), startWebhookReceiver({ secret: HOOK_SECRET })]);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  for (const sim of [wechat, weibo, hook]) sim.faults.clear();
});
afterAll(async () => {
  await Promise.all([wechat, weibo, hook].map((s) => s.close()));
  await disconnect();
});

const urls = () => ({ wechat: wechat.url, weibo: weibo.url, webhook: hook.url });

/** Each item's link appears exactly once on every platform. */
function expectExactlyOnce(itemIds: string[]) {
  const links = itemIds.map((id) => itemLink({ siteBaseUrl: SITE }, id));
  const submitted = tally(wechat.state.publishes.map((p) => p.articles[0]!.content_source_url ?? ''));
  const published = tally(wechat.state.published.map((p) => p.contentSourceUrl ?? ''));
  const posted = tally(weibo.state.statuses.flatMap((s) => links.filter((l) => s.text.includes(l))));
  const hooked = tally(hook.state.deliveries.map((d) => (d.payload as { item: { link: string } }).item.link));
  for (const link of links) {
    expect([link, submitted.get(link), published.get(link), posted.get(link), hooked.get(link)]).toEqual([link, 1, 1, 1, 1]);
  }
}

test('5 items × 3 accounts: one post each, platform ids recorded, posts ledger written', async () => {
  const accounts = await simAccounts(urls());
  worker = startWorker(settingsFor(urls()));
  const ids: string[] = [];
  const items = [];
  for (let n = 1; n <= 5; n++) {
    const item = await publish(worker.jobs, await approvedItem(n), [accounts.wechat._id, accounts.weibo._id, accounts.site._id], worker.runner);
    items.push(item._id);
    ids.push(...[accounts.wechat, accounts.weibo, accounts.site].map((a) => deliveryId(item._id, a._id)));
  }
  const docs = await settled(ids);
  expect(docs.map((d) => d.status)).toEqual(ids.map(() => 'done'));
  expectExactlyOnce(items);
  const wx = docs.find((d) => d.adapter === 'wechat')!;
  expect(wx.result?.platformId).toMatch(/^sim_article_/);
  expect(wx.steps.draftMediaId).toBeTruthy();
  expect(wx.attempt).toBeNull();
  // WeChat got the sanitised body and a title within 32 characters.
  const draft = wechat.state.drafts.find((d) => d.mediaId === wx.steps.draftMediaId)!;
  expect(draft.articles[0]!.content).not.toContain('<script');
  expect(Array.from(draft.articles[0]!.title).length).toBeLessThanOrEqual(32);
  // Weibo got ≤ 140 字 with the link.
  expect(weibo.state.statuses[0]!.text).toContain(`${SITE}/public/items/`);
  // The webhook was signed and carried the item.
  expect(hook.state.rejected).toEqual([]);
  expect(await MediaPost.countDocuments({ itemId: { $in: items } })).toBe(15);
});

test('faults: token expiry mid-run, busy, timeouts and lost answers — every item still exactly once', async () => {
  const accounts = await simAccounts(urls());
  const before = { wechat: wechat.state.publishes.length, weibo: weibo.state.statuses.length, hook: hook.state.deliveries.length };
  // WeChat: busy answers, a lost submit answer (processed, then the connection is reset), a slow get.
  wechat.faults.add({ path: '/cgi-bin/draft/add', kind: 'errcode', errcode: -1, times: 3 });
  wechat.faults.add({ path: '/cgi-bin/freepublish/submit', kind: 'reset', phase: 'after', times: 2 });
  wechat.faults.add({ path: '/cgi-bin/freepublish/submit', kind: 'errcode', errcode: -1, times: 1 });
  wechat.faults.add({ path: '/cgi-bin/freepublish/get', kind: 'hang', times: 2 });
  // Weibo: the answer lost after posting (a slow platform past our timeout), busy, a reset before processing.
  weibo.faults.add({ path: '/2/statuses/share.json', kind: 'delay', delayMs: 800, times: 2 });
  weibo.faults.add({ path: '/2/statuses/share.json', kind: 'errcode', errcode: 10001, times: 2 });
  weibo.faults.add({ path: '/2/statuses/share.json', kind: 'reset', phase: 'before', times: 1 });
  // Webhook: 503 twice, and an acknowledgement lost after the receiver recorded it.
  hook.faults.add({ path: '/webhook', kind: 'http', status: 503, times: 2 });
  hook.faults.add({ path: '/webhook', kind: 'reset', phase: 'after', times: 1 });

  worker = startWorker(settingsFor(urls()));
  const items: string[] = [];
  const ids: string[] = [];
  for (let n = 1; n <= 6; n++) {
    const item = await publish(worker.jobs, await approvedItem(100 + n), [accounts.wechat._id, accounts.weibo._id, accounts.site._id], worker.runner);
    items.push(item._id);
    ids.push(...[accounts.wechat, accounts.weibo, accounts.site].map((a) => deliveryId(item._id, a._id)));
    // The access token expires while deliveries are running.
    if (n === 3) wechat.expireTokens();
  }
  const docs = await settled(ids, 45_000);
  expect(docs.filter((d) => d.status !== 'done').map((d) => `${d._id}: ${d.failure?.reason}`)).toEqual([]);
  expectExactlyOnce(items);
  expect(wechat.state.publishes.length - before.wechat).toBe(6);
  expect(weibo.state.statuses.length - before.weibo).toBe(6);
  expect(hook.state.deliveries.length - before.hook).toBe(6);
  // The lost answers were reconciled, not re-posted.
  const notes = docs.map((d) => d.result?.note ?? '').filter(Boolean);
  expect(notes.some((n) => n.includes('已发布列表核对'))).toBe(true);
  expect(notes.some((n) => n.includes('微博提示重复内容'))).toBe(true);
  expect(hook.state.duplicates.length).toBeGreaterThanOrEqual(1);
}, 60_000);

test('Weibo authorisation expires: deliveries fail with the reason, then go out once after re-authorisation', async () => {
  const accounts = await simAccounts(urls());
  weibo.expireToken();
  worker = startWorker(settingsFor(urls()));
  const item = await publish(worker.jobs, await approvedItem(200), [accounts.weibo._id], worker.runner);
  const id = deliveryId(item._id, accounts.weibo._id);
  const [failed] = await settled([id]);
  expect(failed!.status).toBe('failed');
  expect(failed!.failure?.reason).toContain('请重新授权微博账号');

  weibo.addToken('weibo-reauthorised-token');
  const { requeued } = await setAccountCredentials(editor, accounts.weibo._id, { version: accounts.weibo.version, credentials: { accessToken: 'weibo-reauthorised-token' } }, undefined);
  expect(requeued).toBe(1);
  worker.runner.wake();
  await waitStatus(id, 'done');
  expect(weibo.state.statuses.filter((s) => s.text.includes(item._id))).toHaveLength(1);
  weibo.addToken(WEIBO_SIM_TOKEN); // the next tests' accounts use it again
});

test('WeChat publish_status 4 (审核不通过) fails the delivery with the status shown to staff', async () => {
  const accounts = await simAccounts(urls());
  wechat.queuePublishOutcomes({ status: 4 });
  worker = startWorker(settingsFor(urls()));
  const item = await publish(worker.jobs, await approvedItem(300), [accounts.wechat._id], worker.runner);
  const [d] = await settled([deliveryId(item._id, accounts.wechat._id)]);
  expect(d!.status).toBe('failed');
  expect(d!.failure).toMatchObject({ code: 'PUBLISH_STATUS_4', reason: '微信发布结果：平台审核不通过（publish_status 4）' });
  expect(d!.events.map((e) => e.text).join('\n')).toContain('推送失败');
  expect(await MediaPost.countDocuments({ itemId: item._id })).toBe(0);
});

test('a crash between the publish decision and its job: the sweep completes it, repeating it doubles nothing', async () => {
  const accounts = await simAccounts(urls());
  worker = startWorker(settingsFor(urls()));
  const accountIds = [accounts.wechat._id, accounts.weibo._id, accounts.site._id];
  const age = (id: string) => OutboxIntent.updateOne({ _id: id }, { $set: { createdAt: new Date(Date.now() - 60_000) } });

  // The command wrote its intent and the decision, then the process died (no deliveries, no job).
  const item = await approvedItem(400);
  const intent = await recordIntent(item._id, item.version);
  const now = new Date();
  await ContentItem.updateOne({ _id: item._id, version: item.version }, { $set: { status: 'published', publish: { decidedAt: now, decidedBy: { staffId: editor.staffId }, publishAt: now, accountIds }, publishedAt: now, version: item.version + 1 } });
  // A decision still being written (young intent) is left alone.
  expect(await sweepPendingDecisions(worker.jobs, silentLogger)).toBe(0);
  await age(intent);
  expect(await sweepPendingDecisions(worker.jobs, silentLogger)).toBe(1);
  expect(await OutboxIntent.countDocuments({ _id: intent })).toBe(0);
  // The same intent again (as if the process had died after scheduling, before deleting it): no second job.
  await recordIntent(item._id, item.version);
  await age(intent);
  expect(await sweepPendingDecisions(worker.jobs, silentLogger)).toBe(1);
  expect(await Job.countDocuments({ kind: 'media.delivery', group: `media:${item._id}` })).toBeLessThanOrEqual(1);

  // An intent whose decision never got written (died before it) is dropped without deliveries.
  const undecided = await approvedItem(401);
  await age(await recordIntent(undecided._id, undecided.version));
  expect(await sweepPendingDecisions(worker.jobs, silentLogger)).toBe(0);
  expect(await loadDeliveries(accountIds.map((a) => deliveryId(undecided._id, a)))).toEqual([]);

  worker.runner.wake();
  const docs = await settled(accountIds.map((a) => deliveryId(item._id, a)));
  expect(docs.map((d) => d.status)).toEqual(['done', 'done', 'done']);
  expectExactlyOnce([item._id]);
});

async function waitStatus(id: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await loadDelivery(id);
    if (d?.status === status) return d;
    if (Date.now() > deadline) throw new Error(`delivery ${id} is ${d?.status} (${d?.failure?.reason ?? d?.lastError?.message ?? ''}), wanted ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
