// Crash test (issue 7 acceptance; issue 10's "a crashed instance's lease expires and another
// takes over"): 200 items × 3 accounts are published while the worker process — a separate
// `node` running server/src/media/worker-main.ts — is killed with SIGKILL several times and
// started again. Afterwards each simulator holds each item exactly once, and every delivery
// is done or failed with a reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job, JobArchive } from '../../../server/src/jobs';
import { deliveryId } from '../../../server/src/media/models/delivery';
import { loadDeliveries, loadDelivery } from '../../../server/src/media/outbox/delivery-store';
import { ContentItem, type ContentItemDoc } from '../../../server/src/media/models/content-item';
import { MediaPost } from '../../../server/src/media/models/post';
import { createJobStore } from '../../../server/src/jobs';
import { itemLink } from '../../../server/src/media/settings';
import { configurePii } from '../../../server/src/pii';
import { connectTestDatabase } from '../../support/db';
import { fakedClockEnv, REPO_ROOT } from '../../support/server';
import { startWebhookReceiver, startWechatSimulator, startWeiboSimulator, type WebhookReceiver, type WechatSimulator, type WeiboSimulator } from '../../simulators';
import { BODY, HOOK_SECRET, publish, simAccounts, SITE, tally } from './helpers';

const ITEMS = 200;
const KILLS = 4;
const PII_KEY = Buffer.alloc(32, 9);

let uri: string;
let disconnect: () => Promise<void>;
let wechat: WechatSimulator;
let weibo: WeiboSimulator;
let hook: WebhookReceiver;
const children = new Set<ChildProcess>();
const dataDirs: string[] = [];

beforeAll(async () => {
  configurePii(PII_KEY);
  ({ uri, disconnect } = await connectTestDatabase());
  [wechat, weibo, hook] = await Promise.all([startWechatSimulator(), startWeiboSimulator(), startWebhookReceiver({ secret: HOOK_SECRET })]);
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  await Promise.all([wechat, weibo, hook].map((s) => s.close()));
  await disconnect();
});

/** Starts worker-main as its own process; resolves once it polls. */
function startWorkerProcess(): Promise<ChildProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-media-worker-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/media/worker-main.ts', '--lease-ms', '5000', '--poll-ms', '200', '--retry-base-ms', '200', '--max-backoff-ms', '2000', '--concurrency', '4'], {
    cwd: REPO_ROOT,
    env: {
      ...fakedClockEnv(),
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      MONGODB_URI: uri,
      PII_KEY: PII_KEY.toString('base64'),
      WECHAT_API_BASE: wechat.url,
      WEIBO_API_BASE: weibo.url,
      MEDIA_SITE_BASE_URL: SITE,
      MEDIA_PLATFORM_TIMEOUT_MS: '3000',
      MEDIA_WECHAT_POLL_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('"ready":true')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`worker exited (${code ?? signal}) before it was ready: ${err}`)));
  });
}

const progress = (line: string) => (process.env.MEDIA_CRASH_PROGRESS ? process.stderr.write(`[crash] ${line}\n`) : undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`${ITEMS} items × 3 accounts while the worker is SIGKILLed ${KILLS} times: every item exactly once on every platform`, async () => {
  const started = Date.now();
  const accounts = await simAccounts({ wechat: wechat.url, weibo: weibo.url, webhook: hook.url });
  const accountIds = [accounts.wechat._id, accounts.weibo._id, accounts.site._id];

  // Approved items (the review workflow itself is tested in routes.test.ts): four signatures each.
  const now = new Date();
  const sig = (step: string, staffId: string) => ({ step, staffId, at: now.toISOString(), revision: 1 });
  const docs = Array.from({ length: ITEMS }, (_, i) => ({
    _id: `crash-${String(i + 1).padStart(3, '0')}`,
    bodyId: BODY,
    category: 'news',
    title: `崩溃测试第${i + 1}条：平武县政务动态`,
    bodyHtml: `<p>第${i + 1}条内容。</p>`,
    attachments: [],
    origin: i % 10 === 0 ? 'repost' : 'original',
    ...(i % 10 === 0 ? { source: { name: '四川发布' } } : {}),
    revision: 1,
    reviews: [sig('first_review', 'a'), sig('second_review', 'b'), sig('final_review', 'c'), sig('secrecy_check', 'd')],
    status: 'draft',
    demo: false,
    createdBy: { staffId: 'editor-1' },
    version: 0,
    createdAt: now,
    updatedAt: now,
  }));
  await ContentItem.collection.insertMany(docs as never[]);
  progress(`fixtures (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const jobs = createJobStore();

  let worker = await startWorkerProcess();
  // The publish decisions go on in this process while the worker is killed and restarted.
  const publishing = (async () => {
    for (let i = 0; i < ITEMS; i += 10) {
      const batch = (await ContentItem.find({ _id: { $in: docs.slice(i, i + 10).map((d) => d._id) } }).lean()) as ContentItemDoc[];
      await Promise.all(batch.map((item) => publish(jobs, item, accountIds)));
    }
  })();
  for (let k = 0; k < KILLS; k++) {
    await sleep(3000 + k * 1000);
    // The next worker is started first (as another instance would be running), then this one
    // dies mid-work: its leases expire and the other takes its deliveries over.
    const next = await startWorkerProcess();
    worker.kill('SIGKILL');
    await new Promise((r) => worker.once('exit', r));
    worker = next;
    progress(`kill ${k + 1} done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  await publishing;
  progress(`published all (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const ids = docs.flatMap((d) => accountIds.map((a) => deliveryId(d._id, a)));
  // Settled when no delivery job is left (each job ends with its deliveries done or failed).
  // Generous: on a machine shared with other work the embedded database is several times slower.
  const deadline = Date.now() + 240_000;
  for (;;) {
    const open = await Job.countDocuments({ kind: 'media.delivery' });
    if (open === 0 || Date.now() > deadline) break;
    progress(`${await MediaPost.countDocuments({ itemId: { $in: docs.map((d) => d._id) } })}/${ids.length} posted, ${open} jobs open (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await sleep(2000);
  }
  const settled = await loadDeliveries(ids);
  // (Read in bulk: the same states as reading each delivery step by step.)
  for (const d of settled.slice(0, 6)) expect(await loadDelivery(d._id)).toEqual(d);
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  // Every delivery is done, or failed with a reason a person can read.
  expect(settled).toHaveLength(ids.length);
  const open = settled.filter((d) => d.status !== 'done' && d.status !== 'failed');
  expect(open.map((d) => `${d._id} ${d.status}`)).toEqual([]);
  for (const d of settled.filter((x) => x.status === 'failed')) expect(d.failure?.reason).toMatch(/\S/);

  // Each simulator holds each item exactly once.
  const links = docs.map((d) => itemLink({ siteBaseUrl: SITE }, d._id));
  const submitted = tally(wechat.state.publishes.map((p) => p.articles[0]!.content_source_url ?? ''));
  const published = tally(wechat.state.published.map((p) => p.contentSourceUrl ?? ''));
  const linkOf = (text: string) => /https:\/\/\S+/.exec(text)?.[0] ?? '';
  const posted = tally(weibo.state.statuses.map((s) => linkOf(s.text)));
  const hooked = tally(hook.state.deliveries.map((d) => (d.payload as { item: { link: string } }).item.link));
  const wrong = links.filter((l) => submitted.get(l) !== 1 || published.get(l) !== 1 || posted.get(l) !== 1 || hooked.get(l) !== 1);
  expect(wrong.map((l) => `${l}: submit ${submitted.get(l)}, published ${published.get(l)}, weibo ${posted.get(l)}, webhook ${hooked.get(l)}`)).toEqual([]);
  expect(wechat.state.publishes).toHaveLength(ITEMS);
  expect(weibo.state.statuses).toHaveLength(ITEMS);
  expect(hook.state.deliveries).toHaveLength(ITEMS);

  // Ledger and queue: one post per done delivery, no media job left behind.
  expect(await MediaPost.countDocuments({ itemId: { $in: docs.map((d) => d._id) } })).toBe(settled.filter((d) => d.status === 'done').length);
  expect(await Job.countDocuments({ kind: 'media.delivery' })).toBe(0);
  // The kills did interrupt work: some jobs were taken over from a dead worker after their lease expired.
  const takenOver = await JobArchive.countDocuments({ kind: 'media.delivery', attempts: { $gt: 1 } });
  expect(takenOver).toBeGreaterThan(0);
  console.log(`crash test: ${ids.length} deliveries, ${KILLS} kills, ${takenOver} jobs taken over, ${settled.filter((d) => d.status === 'failed').length} failed, ${hook.state.duplicates.length} webhook repeats dropped, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 330_000);
