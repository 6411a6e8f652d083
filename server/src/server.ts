// startServer(config): data dir → database (embedded child or MONGODB_URI) → demo data →
// HTTP listener. close() shuts down gracefully in reverse order: stop accepting, let
// in-flight requests finish, close mongoose, stop the database child.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { createApp, type CreateAppOptions } from './app';
import { createBackground, type Background } from './background';
import { prepareDataDir, type Config } from './config';
import { connectDatabase, type Database } from './db/connection';
import { EmbeddedDb, embeddedDbDir } from './db/embedded';
import { loadDemoData } from './demo';
import { createLogger, type Logger } from './log';
import { configurePii } from './pii';

export interface RunningServer {
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3000 */
  url: string;
  app: Koa;
  http: Server;
  config: Config;
  logger: Logger;
  db: Database;
  /** The supervised embedded database; undefined when MONGODB_URI is used. */
  embedded: EmbeddedDb | undefined;
  /** Bus, live streams, jobs, notifier and request follow-ups of this instance. */
  background: Background;
  /** Graceful shutdown; idempotent. */
  close(): Promise<void>;
}

export interface StartOptions extends CreateAppOptions {
  logger?: Logger;
  /** How long close() waits for in-flight requests before cutting connections. */
  shutdownGraceMs?: number;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);
  prepareDataDir(config.dataDir);
  configurePii(config.piiKey);

  let embedded: EmbeddedDb | undefined;
  let db: Database | undefined;
  let background: Background | undefined;
  try {
    let uri = config.mongodbUri;
    if (!uri) {
      embedded = new EmbeddedDb({ dir: embeddedDbDir(config.dataDir), port: config.embeddedDbPort, logger: logger.child({ component: 'embedded-db' }) });
      await embedded.start();
      uri = embedded.uri();
    }
    db = await connectDatabase(uri, logger);
    if (config.demoMode) await loadDemoData(logger);

    background = createBackground(config, logger);
    const { bus, streams, jobs, jobRunner, followUps } = background;
    const app = createApp({ config, logger, db, bus, streams, jobs, jobRunner, followUps }, options);
    const http = createServer(app.callback());
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const { port } = http.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    logger.info({ url, db: db.displayUri, embedded: Boolean(embedded), demoMode: config.demoMode }, 'server listening');

    const database = db;
    const services = background;
    services.start();
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        logger.info('shutting down');
        services.endStreams();
        await stopHttp(http, options.shutdownGraceMs ?? 10_000);
        await services.stop();
        await database.close();
        await embedded?.stop();
        logger.info('shut down');
      })());
    return { url, app, http, config, logger, db: database, embedded, background: services, close };
  } catch (err) {
    await background?.stop().catch(() => undefined);
    await db?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}

/** Stop accepting; wait for in-flight requests up to graceMs, then cut what is left. */
async function stopHttp(http: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const timer = setTimeout(() => http.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}
