// Drill: the server of a county (one process + its embedded database child) is SIGKILLed right
// after a change of a request was stored and before anybody was told — a citizen's filing, a
// staff action, a citizen's message — and started again on the same DATA_DIR. Nobody retries
// anything. What the change owes is stored with it (the request's outbox, server/src/commands/
// requests/outbox.ts), and the outbox's sweep must perform it exactly once: the citizen's inbox
// item and WeChat subscribe message, the staff notice, the reminder jobs, the report stamp. And a
// change that was decided but never written (killed just before the write) must tell nothing.
//
// The kill lands at that exact point through the test-only hook ZWGK_TEST_CRASH_AFTER
// (server/src/lib/crash-point.ts: the process SIGKILLs itself there; ignored outside NODE_ENV=test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { signAccessToken } from '../../server/src/auth/accessToken';
import { freePort } from '../../server/src/db/embedded';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../simulators';
import { spawnServer, type EnvOverrides, type ServerProcess } from '../support/server';
import { BODY, CLERK_ID, filingOf, seedOffice, submissions } from './burst';

jest.setTimeout(60_000);

const JWT_SECRET = 'drill-guard-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-drill-guard-'));
const CITIZEN = 'cDrillGuard0001';
const OPENID = 'oSim-drill-guard-1';
let sim: WechatSimulator;
let dbPort: number;
let server: ServerProcess | undefined;
let base = '';
let client: mongoose.mongo.MongoClient;
let db: mongoose.mongo.Db;

const citizenToken = signAccessToken(JWT_SECRET, { kind: 'citizen', citizenId: CITIZEN });
const clerkToken = signAccessToken(JWT_SECRET, { kind: 'staff', staffId: CLERK_ID, role: 'clerk', bodyId: BODY, countyWide: false, county: 'pingwu' });

function start(crashAfter?: string): ServerProcess {
  const env: EnvOverrides = {
    MONGODB_URI: undefined,
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(dbPort),
    JWT_SECRET,
    RATE_LIMIT_FILING: 'off',
    MEDIA_WORKER_ENABLED: '0',
    JOBS_POLL_MS: '100',
    JOBS_RETRY_MS: '300',
    OUTBOX_SWEEP_MS: '1000',
    ...wechatSimulatorEnv(sim.url),
    WECHAT_TEMPLATE_STATUS: 'sim-tmpl-request-progress',
    ...(crashAfter ? { ZWGK_TEST_CRASH_AFTER: crashAfter } : {}),
  };
  return spawnServer(env, { timeoutMs: 45_000 });
}

/** Stops the running server and starts one that kills itself at `point`. */
async function restartCrashingAt(point: string): Promise<ServerProcess> {
  await server?.stop('SIGTERM');
  server = start(point);
  base = await server.listening;
  return server;
}

/** Sends a request that must not be answered: the server dies while handling it. */
async function killedBy(p: ServerProcess, path: string, init: RequestInit): Promise<void> {
  const answer = await fetch(base + path, init).then(
    async (r) => `${r.status} ${await r.text()}`,
    () => null,
  );
  expect(answer).toBeNull();
  const exit = await p.exited;
  expect(exit.signal).toBe('SIGKILL');
  server = undefined;
}

async function restartNormally(): Promise<void> {
  server = start();
  base = await server.listening;
}

const api = async <T>(path: string, token: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = (await res.json()) as T;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
};

interface Notice {
  id: string;
  kind: string;
  requestId: string | null;
}
const inbox = async (token: string, requestId: string) => (await api<{ items: Notice[] }>('/api/notifications', token)).items.filter((n) => n.requestId === requestId);

async function until<T>(check: () => Promise<T | false | null | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what} not seen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The request owes nothing any more (its outbox was performed and cleared). */
async function outboxSettled(requestId: string): Promise<void> {
  await until(async () => {
    const doc = await db.collection<{ _id: string; outbox?: string[] }>('requests').findOne({ _id: requestId });
    return doc !== null && (doc.outbox ?? []).length === 0;
  }, 'the outbox performed');
}

const stampOf = async () => (await db.collection<{ _id: string; token: string }>('reportstamps').findOne({ _id: BODY }))?.token ?? null;
const requestDoc = (id: string) => db.collection<{ _id: string; events: Array<{ type: string }>; messages: Array<{ id: string; text: string }> }>('requests').findOne({ _id: id });

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  dbPort = await freePort();
  await restartNormally();
  client = new mongoose.mongo.MongoClient(`mongodb://127.0.0.1:${dbPort}/zwgk`, { serverSelectionTimeoutMS: 20_000 });
  db = client.db();
  await seedOffice(db);
  await db.collection<{ _id: string }>('citizens').updateOne({ _id: CITIZEN }, { $set: { channel: 'wechat', openid: OPENID, savedIdentities: [], consents: {} } }, { upsert: true });
}, 60_000);

afterAll(async () => {
  await server?.stop('SIGTERM').catch(() => undefined);
  await client?.close().catch(() => undefined);
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let requestId = '';

it('a filing killed right after its insert, never retried: the office and the citizen are told, once', async () => {
  const p = await restartCrashingAt('commit:filing');
  const [s] = submissions(1);
  const before = await stampOf();
  await killedBy(p, '/api/requests', { method: 'POST', headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/json', 'idempotency-key': s!.key }, body: JSON.stringify(filingOf(s!)) });

  await restartNormally();
  const stored = await until(async () => (await db.collection<{ _id: string }>('requests').find({ citizenId: CITIZEN }).toArray())[0], 'the stored filing');
  requestId = stored._id;
  const clerk = await until(async () => (await inbox(clerkToken, requestId)).filter((n) => n.kind === 'new_submission').length > 0 && inbox(clerkToken, requestId), 'the clerk notice');
  await outboxSettled(requestId);
  expect(clerk.map((n) => n.kind)).toEqual(['new_submission']);
  expect((await inbox(citizenToken, requestId)).map((n) => n.kind)).toEqual(['submitted']);
  expect(await stampOf()).not.toBe(before);
  expect(await stampOf()).not.toBeNull();
});

it('a staff action killed right after it was stored: citizen inbox, one WeChat message, reminders and report stamp, once', async () => {
  // The citizen allows one 办理进度 message (the app calls this after wx.requestSubscribeMessage).
  await api('/api/notifications/consent', citizenToken, { method: 'POST', body: JSON.stringify({ templateKey: 'status', accepted: true }) });
  const p = await restartCrashingAt('commit:event');
  const before = await stampOf();
  await killedBy(p, `/api/staff/requests/${requestId}/actions`, { method: 'POST', headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'confirm_receipt', version: 1 }) });

  await restartNormally();
  expect((await requestDoc(requestId))!.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt']);
  await until(async () => (await inbox(citizenToken, requestId)).some((n) => n.kind === 'received'), 'the citizen notice');
  await until(async () => sim.state.subscribeMessages.some((m) => m.touser === OPENID), 'the subscribe message');
  await outboxSettled(requestId);
  await new Promise((r) => setTimeout(r, 1000)); // a second send would be due by now

  expect((await inbox(citizenToken, requestId)).map((n) => n.kind).sort()).toEqual(['received', 'submitted']);
  expect(sim.state.subscribeMessages.filter((m) => m.touser === OPENID)).toHaveLength(1);
  const reminders = await db.collection('jobs').find({ _id: new RegExp(`^reminder:${requestId}:`) as never }).toArray();
  expect(reminders.map((j) => String(j._id).split(':')[2]).sort()).toEqual(['correction_window_ends', 'reply_due_soon', 'reply_overdue']);
  expect(await stampOf()).not.toBe(before);
});

it("a citizen's message killed right after it was stored: the clerk is told, once", async () => {
  const p = await restartCrashingAt('commit:message');
  await killedBy(p, `/api/requests/${requestId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: '请问大概什么时候答复？' }) });

  await restartNormally();
  const [message] = (await requestDoc(requestId))!.messages;
  expect(message?.text).toBe('请问大概什么时候答复？');
  await until(async () => (await inbox(clerkToken, requestId)).some((n) => n.kind === 'message'), 'the clerk notice of the message');
  await outboxSettled(requestId);
  expect((await inbox(clerkToken, requestId)).map((n) => n.kind).sort()).toEqual(['message', 'new_submission']);
});

it('killed after deciding but before the write: nothing stored, nothing owed, nothing told', async () => {
  const p = await restartCrashingAt('decided:event');
  const sentBefore = sim.state.subscribeMessages.length;
  const remindersBefore = await db.collection('jobs').countDocuments({ _id: new RegExp(`^reminder:${requestId}:`) as never });
  // The citizen withdraws: it would tell the citizen and the clerk and cancel the reminders.
  await killedBy(p, `/api/requests/${requestId}/withdraw`, { method: 'POST', headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: '不再需要', version: 2 }) });

  await restartNormally();
  await outboxSettled(requestId);
  await new Promise((r) => setTimeout(r, 2000)); // two sweep periods
  expect((await requestDoc(requestId))!.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt']);
  expect((await inbox(citizenToken, requestId)).map((n) => n.kind).sort()).toEqual(['received', 'submitted']);
  expect((await inbox(clerkToken, requestId)).map((n) => n.kind).sort()).toEqual(['message', 'new_submission']);
  expect(sim.state.subscribeMessages.length).toBe(sentBefore);
  expect(await db.collection('jobs').countDocuments({ _id: new RegExp(`^reminder:${requestId}:`) as never })).toBe(remindersBefore);
});
