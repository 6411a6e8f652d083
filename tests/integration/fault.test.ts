// The embedded database child is killed (SIGKILL): /api/health answers 503 within 2 s,
// the supervisor restarts the child (with backoff, also through failed attempts), and
// health is back to 200 without restarting the server.
import { holdPort } from '../support/port';
import { startTestServer, type TestServer } from '../support/server';
import { until } from '../support/wait';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MONGODB_URI: undefined });
});
afterAll(() => t.close());


const healthStatus = async () => (await t.api('/api/health')).status;

it('SIGKILL of the database child → 503 within 2 s → restarted → 200, same server', async () => {
  const embedded = t.server.embedded!;
  const oldPid = embedded.pid!;
  expect(await healthStatus()).toBe(200);

  const killedAt = Date.now();
  process.kill(oldPid, 'SIGKILL');
  const blocker = await holdPort(embedded.port); // keep it down long enough to observe

  const res = await t.api('/api/health');
  expect(res.status).toBe(503);
  expect(await res.json()).toMatchObject({ status: 'degraded', db: 'unavailable' });
  expect(Date.now() - killedAt).toBeLessThan(2000);

  await new Promise((r) => setTimeout(r, 600)); // let a restart attempt or two fail on the held port
  await new Promise<void>((r) => blocker.close(() => r()));

  await until(async () => (await healthStatus()) === 200, 15_000, 100);
  expect(embedded.pid).toBeDefined();
  expect(embedded.pid).not.toBe(oldPid);
  expect(embedded.restarts).toBeGreaterThanOrEqual(2);
});
