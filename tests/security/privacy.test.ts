// Privacy over a whole journey: a citizen signs in with WeChat and files with a seeded ID number and
// phone; a clerk registers a paper request with another seeded pair; staff confirm, talk, look at the
// audited identity, decide, approve and deliver; the public lookup, notifications (in-app, live
// streams, WeChat subscribe messages), the staff console endpoints and the year's report in every
// format (JSON, text, Markdown, HTML, Word, cards, share page) are used. Every API response, every
// event of the live streams, every message the WeChat simulator received, every log line and the
// audit trail are kept and scanned: the seeded ID numbers (also without their check digit) and phones
// appear only in the allowed views — the applicant's own detail and the handler's audited identity view.
import JSZip from 'jszip';
import mongoose from 'mongoose';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../simulators';
import { openSse, type SseConnection } from '../integration/notifications/sse-client';
import { testDatabaseUri } from '../support/db';
import { captureLogs } from '../support/logs';
import { startTestServer, type TestServer } from '../support/server';
import { BODY_X, buildWorld, call, filing, idNumber, newKey, type Person, type World } from './world';

const ID_A = idNumber('1979-08-21', 457);
const PHONE_A = '13881654321';
const ID_B = idNumber('1990-11-02', 318);
const PHONE_B = '15928337766';
const SECRETS = [ID_A, ID_A.slice(0, 17), PHONE_A, ID_B, ID_B.slice(0, 17), PHONE_B];
const TEMPLATE = 'sim-tmpl-request-progress';

const logs = captureLogs('debug');
let t: TestServer;
let w: World;
let sim: WechatSimulator;

interface Seen {
  what: string;
  /** An allowed view: the applicant's own detail, the handler's audited identity view. */
  allowed: boolean;
  text: string;
}
const seen: Seen[] = [];

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  const uri = testDatabaseUri();
  const client = new mongoose.mongo.MongoClient(uri);
  await client.db().collection<{ _id: string }>('meta').insertOne({ _id: 'demo:media', version: 999, loadedAt: new Date() } as never);
  await client.close();
  t = await startTestServer(
    {
      MONGODB_URI: uri,
      DEMO_MODE: '1',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_SIGNIN: 'off',
      ...wechatSimulatorEnv(sim.url),
      WECHAT_TEMPLATE_STATUS: TEMPLATE,
      WECHAT_TEMPLATE_REPLY: TEMPLATE,
      WECHAT_TEMPLATE_CORRECTION: TEMPLATE,
      JOBS_POLL_MS: '100',
    },
    { logger: logs.logger },
  );
  w = await buildWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

/** One API call, kept for the scan. Binary answers are read as what they hold (docx → its XML). */
async function api(what: string, who: Person | undefined, method: string, path: string, body?: unknown, options: { allowed?: boolean; headers?: Record<string, string> } = {}) {
  const headers = { ...(options.headers ?? {}), ...(who?.token ? { authorization: `Bearer ${who.token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
  const res = await t.api(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let text = bytes.toString('utf8');
  if ((res.headers.get('content-type') ?? '').includes('officedocument')) {
    const zip = await JSZip.loadAsync(bytes);
    text = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
  }
  const headerText = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  seen.push({ what: `${what} (${method} ${path} → ${res.status})`, allowed: options.allowed ?? false, text: `${headerText}\n${text}` });
  if (res.status >= 400) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

const act = async (who: Person, id: string, action: Record<string, unknown>) => {
  const current = await api('staff detail before an action', who, 'GET', `/api/staff/requests/${id}`);
  return api(`action ${String(action.type)}`, who, 'POST', `/api/staff/requests/${id}/actions`, { ...action, version: current.body.version });
};

it('the seeded ID numbers and phones appear only in the applicant’s own detail and the audited identity view', async () => {
  // ---- the citizen signs in with WeChat and agrees to progress messages
  sim.addCode('wx-privacy-code', 'oPrivacy0001');
  const tokens = await api('WeChat sign-in', undefined, 'POST', '/api/auth/wechat', { code: 'wx-privacy-code' });
  const citizen: Person = { role: 'citizenA', token: tokens.body.accessToken, actor: undefined };
  await api('profile', citizen, 'GET', '/api/me');
  for (const templateKey of ['status', 'reply', 'correction']) await api('consent', citizen, 'POST', '/api/notifications/consent', { templateKey, accepted: true });
  const { clerkX: clerk, handlerX: handler, reviewerX: reviewer, countyAdmin } = w.people;

  // ---- live streams of the citizen and of the office
  const ticket = await api('stream ticket', citizen, 'POST', '/api/stream/ticket');
  const streams: SseConnection[] = [
    await openSse(`${t.url}/api/stream?ticket=${encodeURIComponent(ticket.body.ticket)}`),
    await openSse(`${t.url}/api/stream`, { headers: { authorization: `Bearer ${clerk.token}` } }),
  ];

  // ---- filing online (the answer is the applicant's own detail) and on paper
  const filed = await api('filing', citizen, 'POST', '/api/requests', filing({ idNumber: ID_A, phone: PHONE_A, name: '李四' }), { allowed: true, headers: { 'idempotency-key': newKey() } });
  const id: string = filed.body.request.id;
  const paper = await api('offline registration', clerk, 'POST', '/api/staff/requests', { ...filing({ idNumber: ID_B, phone: PHONE_B, name: '王五' }), channel: 'letter', receivedOn: filed.body.request.submittedOn ?? new Date().toISOString().slice(0, 10) });
  const paperId: string = paper.body.request.id;

  // ---- staff work: inbox, detail, confirm, conversation, identity (audited), decide, approve, deliver
  await api('inbox', clerk, 'GET', '/api/staff/requests');
  await api('inbox of the county', countyAdmin, 'GET', '/api/staff/requests');
  await api('staff detail', clerk, 'GET', `/api/staff/requests/${id}`);
  await api('staff detail of the paper request', clerk, 'GET', `/api/staff/requests/${paperId}`);
  await act(clerk, id, { type: 'confirm_receipt' });
  await api('fee basis', clerk, 'GET', `/api/staff/requests/${id}/fee-basis`);
  await api('assignees', clerk, 'GET', '/api/staff/assignees');
  await api('citizen message', citizen, 'POST', `/api/requests/${id}/messages`, { text: '请问大概什么时候可以答复？' });
  await api('staff reply', clerk, 'POST', `/api/staff/requests/${id}/messages`, { text: '正在调取档案，预计下周答复。' });
  const identity = await api('audited identity view', handler, 'GET', `/api/staff/requests/${id}/identity`, undefined, { allowed: true });
  expect(identity.body.applicant).toMatchObject({ idNumber: ID_A, phone: PHONE_A });
  await api('audited identity view of the paper request', handler, 'GET', `/api/staff/requests/${paperId}/identity`, undefined, { allowed: true });
  await act(handler, id, { type: 'decide', outcome: 'partial', legalBasis: '《条例》第三十七条', replyText: '经审查，您申请的信息部分公开。' });
  await act(reviewer, id, { type: 'approve', comment: '同意' });
  await act(clerk, id, { type: 'deliver', method: 'post' });
  await api('supervision', reviewer, 'GET', '/api/staff/supervision');

  // ---- the citizen's side: own detail (allowed), list, notifications; the public lookup
  const mine = await api('citizen detail', citizen, 'GET', `/api/requests/${id}`, undefined, { allowed: true });
  expect(mine.body.applicant).toMatchObject({ idNumber: ID_A, phone: PHONE_A });
  await api('my requests', citizen, 'GET', '/api/requests');
  await api('citizen notifications', citizen, 'GET', '/api/notifications');
  for (const who of [clerk, handler, reviewer]) await api('staff notifications', who, 'GET', '/api/notifications');
  await api('public lookup', undefined, 'GET', `/api/lookup?number=${encodeURIComponent(filed.body.number)}&code=${encodeURIComponent(filed.body.queryCode)}`);

  // ---- the year's report in every form
  const year = new Date().getFullYear();
  await api('report draft', reviewer, 'GET', `/api/reports/${BODY_X}/${year}`);
  for (const format of ['txt', 'md', 'html', 'docx']) await api(`report ${format}`, reviewer, 'GET', `/api/reports/${BODY_X}/${year}.${format}`);
  await api('report inputs', reviewer, 'GET', `/api/reports/${BODY_X}/${year}/inputs`);
  await api('county overview', countyAdmin, 'GET', `/api/reports/county/pingwu?years=${year}`);
  await api('card', reviewer, 'GET', `/api/cards/${BODY_X}/${year}/og.svg`);
  await api('share page', reviewer, 'GET', `/share/${BODY_X}/${year}`);

  // ---- what left the server by other ways
  const subscribe = await (async () => {
    for (let i = 0; i < 100 && sim.state.subscribeMessages.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    return sim.state.subscribeMessages;
  })();
  expect(subscribe.length).toBeGreaterThanOrEqual(2); // the subscribe messages were really sent
  seen.push({ what: 'WeChat subscribe messages', allowed: false, text: JSON.stringify(subscribe) });
  for (const s of streams) {
    expect(s.events.length).toBeGreaterThan(1);
    seen.push({ what: 'live stream events', allowed: false, text: JSON.stringify(s.events.map((e) => [e.event, e.data])) });
    s.close();
  }
  const audit = await mongoose.connection.db!.collection('audit').find({}).toArray();
  expect(audit.length).toBeGreaterThan(3);
  seen.push({ what: 'audit trail (database)', allowed: false, text: JSON.stringify(audit) });
  expect(logs.lines().length).toBeGreaterThan(20);
  seen.push({ what: 'log lines', allowed: false, text: logs.text() });

  // ---- the scan
  const leaks = seen.filter((s) => !s.allowed).flatMap((s) => SECRETS.filter((secret) => s.text.includes(secret)).map((secret) => `${s.what} contains ${secret}`));
  expect(leaks).toEqual([]);
  // The allowed views do show them (the scan looks for the right strings).
  const allowed = seen.filter((s) => s.allowed).map((s) => s.text).join('\n');
  for (const secret of SECRETS) expect([secret, allowed.includes(secret)]).toEqual([secret, true]);
  expect(seen.length).toBeGreaterThan(40);
}, 180_000);
