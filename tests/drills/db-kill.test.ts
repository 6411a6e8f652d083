// Drill: the embedded database child is killed with SIGKILL in the middle of a burst of filings
// (and kept down for a moment: its port is held, so the supervisor's first restarts fail). While it
// is down the API answers 503 DB_UNAVAILABLE quickly — no hanging requests, no 500s; the supervisor
// brings the database back by itself, the clients' retries (same Idempotency-Key) go through, and
// nothing acknowledged is lost: every submission stored once, complete and announced.
// (tests/integration/fault.test.ts shows /api/health going 503 and back; this drill does it under
// writes.)
import mongoose from 'mongoose';
import { holdPort } from '../support/port';
import { startTestServer, type TestServer } from '../support/server';
import { cleanVerdict, fileUntilAcknowledged, seedOffice, submissions, verify } from './burst';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MONGODB_URI: undefined, RATE_LIMIT_FILING: 'off', JOBS_RETRY_MS: '500' });
  await seedOffice(mongoose.connection.db!);
});
afterAll(() => t.close());


it('SIGKILL of the database mid-burst: quick 503s, recovery by itself, nothing acknowledged lost', async () => {
  const embedded = t.server.embedded!;
  const all = submissions(40);
  const file = (list: typeof all) => list.map((s, i) => new Promise((r) => setTimeout(r, i * 40)).then(() => fileUntilAcknowledged(s, () => t.url, t.config.jwtSecret)));
  // First wave in flight, then the kill, then a second wave that meets the dead database.
  const firstWave = file(all.slice(0, 24));
  while (all.filter((s) => s.acknowledged).length < 10) await new Promise((r) => setTimeout(r, 10));

  const oldPid = embedded.pid!;
  const killedAt = Date.now();
  process.kill(oldPid, 'SIGKILL');
  const blocker = await holdPort(embedded.port);
  const secondWave = file(all.slice(24));
  const health = await t.api('/api/health');
  expect(health.status).toBe(503);
  await new Promise((r) => setTimeout(r, 2500)); // the outage: filings meet a missing database
  await new Promise<void>((r) => blocker.close(() => r()));
  const burst = Promise.all([...firstWave, ...secondWave]);

  await burst;
  expect(embedded.pid).not.toBe(oldPid);
  expect(embedded.restarts).toBeGreaterThanOrEqual(1);
  expect((await t.api('/api/health')).status).toBe(200);

  const refusals = all.flatMap((s) => s.refusals);
  expect(refusals.length).toBeGreaterThan(0); // the outage was met
  expect(refusals.filter((r) => r.status !== 503 || r.code !== 'DB_UNAVAILABLE')).toEqual([]);
  // Answered quickly, none left hanging: once the database is gone,
  // a request waits out at most one server selection (1.5 s, middleware/outageDeadline.ts) after
  // the driver notices — at the first failed operation, or its next heartbeat (1 s). Counted from
  // the later of the kill and the attempt's start: work done before the kill is not the outage's.
  // (Before the deadline, a filing stored just as the database died waited out one selection per
  // best-effort step after it: 5–6 s on a busy machine.)
  const outageWait = (r: (typeof refusals)[number]) => Math.min(r.ms, r.answeredAt - killedAt);
  expect(refusals.filter((r) => outageWait(r) >= 4000).map((r) => ({ ...r, outageWait: outageWait(r) }))).toEqual([]);
  // None left unanswered for as long as the app waits (CLIENT_TIMEOUT_MS, 15 s), also right after the
  // recovery, when every client's retry arrives at once and the filings of one body take turns
  // (listed by when they started relative to the kill, with the x-request-id to find in a log).
  expect(all.flatMap((s) => s.timeouts.map((t) => ({ requestId: t.requestId, startedAfterKillMs: t.at - killedAt })))).toEqual([]);
  expect(await verify(mongoose.connection.db!, t.url, t.config.jwtSecret, all)).toEqual(cleanVerdict(all.length));
}, 120_000);
