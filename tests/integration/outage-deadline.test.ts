// While the embedded database is down, a request whose steps each meet the outage (best-effort
// reads that swallow their failure, as notices and clean-ups do) is answered 503 DB_UNAVAILABLE
// after one server selection, not after one per step; a request that needs no database is not
// affected. (The drill tests/drills/db-kill.test.ts shows the same under a burst of filings.)
import Router from '@koa/router';
import mongoose from 'mongoose';
import { healthRoutes } from '../../server/src/routes/health';
import { holdPort } from '../support/port';
import { startTestServer, type TestServer } from '../support/server';
import { until } from '../support/wait';

const STEPS = 3;
const stepsDone: number[] = [];

function outageRoutes() {
  const router = new Router();
  router.get('/api/test/steps', async (ctx) => {
    const probe = mongoose.connection.db!.collection('outage_probe');
    for (let step = 1; step <= STEPS; step++) {
      await probe.findOne({ _id: step as never }).catch(() => null);
      stepsDone.push(step);
    }
    ctx.body = { steps: STEPS };
  });
  router.get('/api/test/no-database', (ctx) => {
    ctx.body = { ok: true };
  });
  return router;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MONGODB_URI: undefined }, { routes: [healthRoutes, outageRoutes] });
});
afterAll(() => t.close());

it('answers 503 after one server selection while the database is gone, and is itself again after', async () => {
  expect((await t.api('/api/test/steps')).status).toBe(200);

  const embedded = t.server.embedded!;
  process.kill(embedded.pid!, 'SIGKILL');
  const blocker = await holdPort(embedded.port);
  try {
    await until(async () => (await t.api('/api/health')).status === 503);

    stepsDone.length = 0;
    const started = Date.now();
    const res = await t.api('/api/test/steps');
    const ms = Date.now() - started;
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE');
    // One selection (1.5 s) and not three (4.5 s): answered while its work is still on a later step.
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(3000);
    expect(stepsDone.length).toBeLessThan(STEPS);

    expect((await t.api('/api/test/no-database')).status).toBe(200);
  } finally {
    await new Promise<void>((r) => blocker.close(() => r()));
  }
  await until(async () => (await t.api('/api/health')).status === 200, 20_000, 200);
  expect((await t.api('/api/test/steps')).status).toBe(200);
}, 60_000);
