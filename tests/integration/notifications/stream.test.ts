// GET /api/stream: the signed-in actor's live updates over Server-Sent Events.
import { signAccessToken } from '../../../server/src/auth/accessToken';
import { startTestServer, type TestServer } from '../../support/server';
import { captureLogs } from '../../support/logs';
import { openSse, type SseConnection } from './sse-client';

const citizen = { kind: 'citizen' as const, citizenId: 'cStreamTestCitizen0001' };
const otherCitizen = { kind: 'citizen' as const, citizenId: 'cStreamTestCitizen0002' };
const clerk = { kind: 'staff' as const, staffId: 'staff-clerk-1', role: 'clerk' as const, bodyId: 'pingwu-gov-office', countyWide: false, county: 'pingwu' };
const colleague = { ...clerk, staffId: 'staff-clerk-2' };

let t: TestServer;
const logs = captureLogs('info');
const open: SseConnection[] = [];
const bearer = (actor: Parameters<typeof signAccessToken>[1]) => ({ authorization: `Bearer ${signAccessToken(t.config.jwtSecret, actor)}` });

async function ticketFor(actor: Parameters<typeof signAccessToken>[1]): Promise<string> {
  const res = await t.api('/api/stream/ticket', { method: 'POST', headers: bearer(actor) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ticket: string; expiresIn: number };
  expect(body.expiresIn).toBe(60);
  return body.ticket;
}

async function connect(path: string, init?: RequestInit): Promise<SseConnection> {
  const c = await openSse(t.url + path, init);
  open.push(c);
  return c;
}

beforeAll(async () => {
  t = await startTestServer({ STREAM_HEARTBEAT_MS: '100', LOG_LEVEL: 'info', JOBS_ENABLED: '0' }, { logger: logs.logger });
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(() => t.close());

it('delivers an event published on the citizen channel within 1 s, with its id', async () => {
  const stream = await connect(`/api/stream?ticket=${encodeURIComponent(await ticketFor(citizen))}`);
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(stream.headers.get('cache-control')).toContain('no-cache');
  await stream.waitFor((e) => e.event === 'ready');
  const started = Date.now();
  await t.server.background.bus.publish(`citizen:${citizen.citizenId}`, { id: 'n-1', type: 'notification', at: new Date().toISOString(), data: { title: '申请已受理' } });
  const e = await stream.waitFor((x) => x.event === 'notification', 1000);
  expect(Date.now() - started).toBeLessThan(1000);
  expect(e.id).toBe('n-1');
  expect(e.json()).toMatchObject({ title: '申请已受理' });
});

it("never shows another citizen's events", async () => {
  const mine = await connect(`/api/stream?ticket=${encodeURIComponent(await ticketFor(citizen))}`);
  await mine.waitFor((e) => e.event === 'ready');
  await t.server.background.bus.publish(`citizen:${otherCitizen.citizenId}`, { id: 'x', type: 'notification', at: new Date().toISOString(), data: {} });
  await t.server.background.bus.publish(`citizen:${citizen.citizenId}`, { id: 'y', type: 'notification', at: new Date().toISOString(), data: {} });
  await mine.waitFor((e) => e.id === 'y');
  expect(mine.events.map((e) => e.id)).not.toContain('x');
});

it("gives staff their body's channel, without colleagues' personal notifications", async () => {
  const stream = await connect('/api/stream', { headers: bearer(clerk) });
  await stream.waitFor((e) => e.event === 'ready');
  const bus = t.server.background.bus;
  const at = new Date().toISOString();
  await bus.publish('staff:pingwu-gov-office', { id: 'for-colleague', type: 'notification', at, data: {}, for: colleague.staffId });
  await bus.publish('staff:pingwu-education', { id: 'other-body', type: 'request_changed', at, data: {} });
  await bus.publish('staff:pingwu-gov-office', { id: 'for-me', type: 'notification', at, data: {}, for: clerk.staffId });
  await bus.publish('staff:pingwu-gov-office', { id: 'body-wide', type: 'request_changed', at, data: {} });
  await stream.waitFor((e) => e.id === 'body-wide');
  expect(stream.events.filter((e) => e.event !== 'ready').map((e) => e.id)).toEqual(['for-me', 'body-wide']);
});

it('sends heartbeat comments', async () => {
  const stream = await connect('/api/stream', { headers: bearer(citizen) });
  await stream.waitFor((e) => e.event === 'ready');
  await new Promise((r) => setTimeout(r, 350));
  expect(stream.comments.filter((c) => c.startsWith('ping')).length).toBeGreaterThanOrEqual(2);
});

it('refuses anonymous, forged and access-token "tickets"; the ticket is not an access token', async () => {
  expect((await t.api('/api/stream')).status).toBe(401);
  const forged = await t.api('/api/stream?ticket=abc.def.ghi');
  expect(forged.status).toBe(401);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('STREAM_TICKET_INVALID');
  const accessToken = signAccessToken(t.config.jwtSecret, citizen);
  expect((await t.api(`/api/stream?ticket=${accessToken}`)).status).toBe(401);
  const ticket = await ticketFor(citizen);
  expect((await t.api('/api/notifications', { headers: { authorization: `Bearer ${ticket}` } })).status).toBe(401);
  expect((await t.api('/api/stream/ticket', { method: 'POST' })).status).toBe(401);
});

it('unsubscribes when the client disconnects, and never logs the ticket', async () => {
  const bus = t.server.background.bus;
  const ticket = await ticketFor(citizen);
  const before = t.server.background.streams.size;
  const stream = await connect(`/api/stream?ticket=${encodeURIComponent(ticket)}`);
  await stream.waitFor((e) => e.event === 'ready');
  expect(t.server.background.streams.size).toBe(before + 1);
  stream.close();
  const deadline = Date.now() + 2000;
  while (t.server.background.streams.size > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(t.server.background.streams.size).toBe(before);
  // Publishing afterwards reaches nobody and does not fail.
  await bus.publish(`citizen:${citizen.citizenId}`, { id: 'late', type: 'notification', at: new Date().toISOString(), data: {} });
  expect(logs.text()).not.toContain(ticket);
  // A client going away is the normal end of a live stream, not an error.
  expect(logs.lines().filter((l) => (l.level as number) >= 50)).toEqual([]);
  expect(logs.text()).toContain('/api/stream');
});
