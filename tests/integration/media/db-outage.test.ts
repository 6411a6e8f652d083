// The database dies at the moment a delivery's LAST retry fails (its own embedded FerretDB,
// SIGKILLed while the platform is answering, brought back by the supervisor a moment later).
// One job carries a decision's deliveries side by side: here the site's delivery cannot record
// its failure (the database is gone), while the other account's platform answers only once the
// database is back, so the job's own failure IS recorded. The job store must not then close the
// job as "failed" behind the first delivery's back (it used to: that delivery stayed 等待推送
// forever, with no job left to publish it or mark it failed). Afterwards both deliveries are
// failed with a reason staff can read, and staff can retry them.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectDatabase, isDbUnavailableError, type Database } from '../../../server/src/db/connection';
import { EmbeddedDb, pingOnce } from '../../../server/src/db/embedded';
import { Job, JobArchive } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { createAccount } from '../../../server/src/media/commands/accounts';
import { listItemDeliveries, retryDelivery } from '../../../server/src/media/commands/deliveries';
import { deliveryId } from '../../../server/src/media/models/delivery';
import { DELIVERY_MAX_ATTEMPTS } from '../../../server/src/media/outbox/schedule';
import { configurePii } from '../../../server/src/pii';
import { holdPort } from '../../support/port';
import { approvedItem, editor, HOOK_SECRET, publish, settingsFor, settled, startWorker, type InProcessWorker } from './helpers';

let dir: string;
let db: EmbeddedDb;
let database: Database;
let worker: InProcessWorker | undefined;
let receiver: Server;
let receiverUrl: string;
/** What the receiving systems answer to request n (1-based) on path /a or /b. */
let onRequest: (path: string, n: number) => Promise<number> = async () => 503;
const requests = new Map<string, number>();

beforeAll(async () => {
  configurePii(Buffer.alloc(32, 5));
  dir = mkdtempSync(join(tmpdir(), 'zwgk-media-outage-'));
  db = new EmbeddedDb({ dir, logger: silentLogger });
  await db.start();
  database = await connectDatabase(db.uri('media_outage'), silentLogger);
  // A receiving system whose answers the test scripts (status code per request).
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      requests.set(path, (requests.get(path) ?? 0) + 1);
      void onRequest(path, requests.get(path)!).then((status) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? { ok: true } : { error: 'busy' }));
      });
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await worker?.stop();
  await new Promise((r) => receiver.close(r));
  await database?.close();
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `settled` that keeps polling while the database is away (the test reads the same database). */
async function settledThroughOutage(ids: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await settled(ids, Math.max(0, deadline - Date.now()));
    } catch (err) {
      if (!isDbUnavailableError(err) || Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}

/** Polls until no job of the outbox is active. */
async function noActiveJob(timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let n = await Job.countDocuments({ kind: 'media.delivery' });
  while (n > 0 && Date.now() < deadline) {
    await sleep(100);
    n = await Job.countDocuments({ kind: 'media.delivery' });
  }
  return n;
}

/** Resolves once the database answers again and the driver had time to find it (heartbeat 1 s). */
async function databaseBack(): Promise<void> {
  while (!(await pingOnce(db.uri('admin'), 300))) await sleep(50);
  await sleep(1500);
}

test('the database dies as the last retry fails: every delivery still ends failed with a reason, and a staff retry publishes it', async () => {
  const site = await createAccount(editor, { platform: 'website', name: '平武县人民政府网', openedOn: '2010-01-01', credentials: { webhookUrl: `${receiverUrl}/a`, webhookSecret: HOOK_SECRET } });
  const cms = await createAccount(editor, { platform: 'other', name: '平武县融媒体中心', openedOn: '2019-01-01', credentials: { webhookUrl: `${receiverUrl}/b`, webhookSecret: HOOK_SECRET } });
  let killedAt = 0;
  onRequest = async (path, n) => {
    if (n < DELIVERY_MAX_ATTEMPTS) return 503;
    // The last attempt: the database goes down (for 2 s: longer than the driver's server
    // selection, so the site's delivery cannot record anything) while the site answers "busy"…
    if (path === '/a' && n === DELIVERY_MAX_ATTEMPTS) {
      killedAt = Date.now();
      process.kill(db.pid!, 'SIGKILL');
      const blocker = await holdPort(db.port);
      setTimeout(() => blocker.close(), 2000);
    }
    // …and the other platform answers only once it is back.
    if (path === '/b' && n === DELIVERY_MAX_ATTEMPTS) {
      while (!killedAt) await sleep(10);
      await databaseBack();
    }
    return 503;
  };
  const urls = { wechat: 'http://127.0.0.1:9', weibo: 'http://127.0.0.1:9', webhook: receiverUrl };
  // A lease longer than the outage: this is not a takeover test.
  worker = startWorker(settingsFor(urls, { platformTimeoutMs: 10_000 }), { leaseMs: 15_000 });
  const item = await publish(worker.jobs, await approvedItem(1), [site._id, cms._id], worker.runner);
  const ids = [deliveryId(item._id, site._id), deliveryId(item._id, cms._id)];

  let ended;
  try {
    ended = await settledThroughOutage(ids, 30_000);
  } catch (err) {
    // What the bug looked like: the job closed as failed, the delivery left pending.
    const archived = await JobArchive.find({ kind: 'media.delivery' }).lean();
    throw new Error(`${(err as Error).message}\nactive jobs: ${await Job.countDocuments({ kind: 'media.delivery' })}, archived: ${JSON.stringify(archived.map((a) => [a._id, a.status, a.attempts, a.lastError]))}`);
  }
  expect(killedAt).toBeGreaterThan(0);
  expect(db.restarts).toBeGreaterThanOrEqual(1);
  for (const d of ended) {
    expect(d.status).toBe('failed');
    expect(d.failure?.reason).toMatch(/重试\d+次后仍失败/);
  }
  // The site's 12th run could not record anything; its job ran once more (past the budget) to do so.
  expect(ended[0]!.events.some((e) => e.text.startsWith('第12次'))).toBe(false);
  expect(ended[0]!.failure?.reason).toMatch(/^重试13次后仍失败/);
  // Nothing is left running behind them.
  expect(await noActiveJob()).toBe(0);

  // Staff see the failures on the item and retry one once the receiving system is back.
  const seen = await listItemDeliveries(editor, item._id);
  expect(seen.map((d) => [d._id, d.status])).toEqual(ids.map((id) => [id, 'failed']));
  onRequest = async () => 200;
  await retryDelivery(editor, ids[0]!, { version: seen[0]!.version }, worker.jobs, () => worker!.runner.wake());
  const [retried] = await settled([ids[0]!], 15_000);
  expect(retried!.status).toBe('done');
  expect(await noActiveJob()).toBe(0);
}, 55_000);
