// The server as `npm run bench` runs it: the real server (server/src/server.ts, every route of the
// registry) in its own process, plus the two baselines measured in the same process:
//   GET /bench/baseline        a bare Koa route (JSON), behind the same middleware as the API
//   GET /app/bench/card.png    a static file served by the H5 static middleware (BENCH_H5_DIR)
//   GET /bench/in-flight       requests still being answered (drained between scenarios)
// Prints one JSON line {"url": …, "pid": …} on stdout when listening; SIGTERM stops it.
import Router from '@koa/router';
import mongoose from 'mongoose';
import { loadConfig } from '../server/src/config';
import { routeFactories, type RouteFactory } from '../server/src/routes';
import { startServer } from '../server/src/server';

/** Requests being answered right now (the bench waits for 0 between scenarios). */
let inFlight = 0;

const baseline: RouteFactory = () => {
  const router = new Router();
  router.get('/bench/baseline', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/bench/in-flight', (ctx) => {
    ctx.body = { inFlight: inFlight - 1 };
  });
  return router;
};

async function main(): Promise<void> {
  const server = await startServer(loadConfig(process.env), { routes: [...routeFactories, baseline], ...(process.env.BENCH_H5_DIR ? { h5Dir: process.env.BENCH_H5_DIR } : {}) });
  if (process.env.BENCH_TRACE) {
    // Every database operation with the time since the previous one (finding what a slow scenario waits for).
    let last = performance.now();
    mongoose.set('debug', (collection: string, method: string, query: unknown) => {
      const now = performance.now();
      process.stderr.write(`db +${(now - last).toFixed(1)} ms ${collection}.${method} ${JSON.stringify(query).slice(0, 100)}\n`);
      last = now;
    });
  }
  server.http.on('request', (_req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
  });
  process.stdout.write(JSON.stringify({ url: server.url, pid: process.pid, embeddedPid: server.embedded?.pid ?? null }) + '\n');
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server failed: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
