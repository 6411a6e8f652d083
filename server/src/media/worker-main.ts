// A process that only runs the new-media outbox (no HTTP):
//
//   node --import tsx server/src/media/worker-main.ts [--lease-ms 30000] [--poll-ms 1000]
//        [--retry-base-ms 5000] [--max-backoff-ms 1800000] [--concurrency 4]
//
// Configuration comes from the environment like the server's (MONGODB_URI is required: the
// worker joins an existing database; platform base URLs, WEBHOOK_*, MEDIA_* settings). It
// prints `{"ready":true,"owner":"…"}` once polling, and stops on SIGTERM/SIGINT (exit 0).
// Killing it at any moment is safe: its leases expire and another worker takes over
// (the crash test in tests/integration/media does exactly that).
import { ConfigError, loadConfig } from '../config';
import { connectDatabase } from '../db/connection';
import { createJobStore, JobRunner } from '../jobs';
import { createLogger } from '../log';
import { configurePii } from '../pii';
import { sweepPendingDecisions } from './outbox/schedule';
import { registerOutbox } from './outbox/worker';
import { mediaSettings } from './settings';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`--${name}`, 'expected a positive number');
  return n;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.mongodbUri) throw new ConfigError('MONGODB_URI', 'the media worker needs the database of a running server');
  const logger = createLogger(config.logLevel).child({ component: 'media-worker' });
  configurePii(config.piiKey);
  const db = await connectDatabase(config.mongodbUri, logger);
  const jobs = createJobStore({ backoffMs: option('retry-base-ms', 5000), maxBackoffMs: option('max-backoff-ms', 30 * 60_000) });
  const runner = new JobRunner({ store: jobs, logger, leaseMs: option('lease-ms', 30_000), pollMs: option('poll-ms', 1000), concurrency: option('concurrency', 4) });
  registerOutbox({ runner, jobs, settings: mediaSettings(config), logger });
  await sweepPendingDecisions(jobs, logger);
  runner.start();
  process.stdout.write(`${JSON.stringify({ ready: true, owner: runner.owner, pid: process.pid })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    void runner
      .stop()
      .then(() => db.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  const line = err instanceof ConfigError ? err.message : `media worker failed to start: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(line.replace(/\s*\n\s*/g, ' ') + '\n');
  process.exit(1);
});
