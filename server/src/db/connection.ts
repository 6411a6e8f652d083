// The mongoose connection (the default `mongoose` connection, so models can be declared
// with `mongoose.model()` at module level — one server per process).
//
// Failing fast when the database is gone (choice documented here): `bufferCommands:false`
// stops mongoose from silently queueing operations while disconnected (its default waits
// 10 s per operation), and `serverSelectionTimeoutMS: 1500` bounds how long the driver
// looks for a server. So a request that needs a dead database fails within ~1.5 s with a
// driver error that errorHandler maps to 503 DB_UNAVAILABLE, instead of hanging 30 s.
// FerretDB is a standalone server without sessions: no retryable writes, no transactions.
import { types } from 'node:util';
import mongoose from 'mongoose';
import type { Logger } from '../log';
import { watchReachability } from './reachability';

export const CONNECT_OPTIONS: mongoose.ConnectOptions = {
  bufferCommands: false,
  retryWrites: false,
  serverSelectionTimeoutMS: 1500,
  // After a restart of the embedded database the driver rediscovers it within ~1 s.
  heartbeatFrequencyMS: 1000,
  connectTimeoutMS: 5000,
  maxPoolSize: 20,
};

/**
 * The options for connecting to `uri`: CONNECT_OPTIONS, except those the URI sets itself. The
 * driver lets an options object win over the URI, so without this `MONGODB_URI=…?retryWrites=true`
 * (a replica set, where the driver then retries a write once across a failover) or a longer
 * `serverSelectionTimeoutMS` would be silently ignored. The embedded database's URI sets none.
 */
export function connectOptionsFor(uri: string): mongoose.ConnectOptions {
  const query = uri.split('#')[0]!.split('?')[1] ?? '';
  const inUri = new Set([...new URLSearchParams(query).keys()].map((k) => k.toLowerCase()));
  return Object.fromEntries(Object.entries(CONNECT_OPTIONS).filter(([key]) => !inUri.has(key.toLowerCase()))) as mongoose.ConnectOptions;
}

export interface Database {
  /** URI without credentials, for logs. */
  readonly displayUri: string;
  /** Resolves true when the database answers `ping` within timeoutMs. Never throws. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Connects mongoose, retrying until `waitMs` has passed (a real MongoDB may still be starting). */
export async function connectDatabase(uri: string, logger: Logger, waitMs = 20_000): Promise<Database> {
  const displayUri = uri.replace(/\/\/[^@/]*@/, '//***@');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await mongoose.connect(uri, connectOptionsFor(uri));
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      logger.warn({ err, uri: displayUri }, 'database not reachable yet, retrying');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const conn = mongoose.connection;
  const unwatch = watchReachability(conn.getClient());
  const onDisconnected = () => logger.warn('database disconnected');
  const onReconnected = () => logger.info('database reconnected');
  conn.on('disconnected', onDisconnected);
  conn.on('reconnected', onReconnected);
  logger.info({ uri: displayUri }, 'database connected');

  return {
    displayUri,
    ping: (timeoutMs = 1000) => pingConnection(conn, timeoutMs),
    async close() {
      conn.off('disconnected', onDisconnected);
      conn.off('reconnected', onReconnected);
      unwatch();
      await mongoose.disconnect();
    },
  };
}

async function pingConnection(conn: mongoose.Connection, timeoutMs: number): Promise<boolean> {
  const db = conn.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('ping timeout')), timeoutMs);
    });
    await Promise.race([db.admin().command({ ping: 1 }), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'DatabaseUnreachableError',
]);

// Raw socket errors the driver sometimes lets through unwrapped: a command written to a socket the
// killed database had just closed surfaces as Node's own EPIPE "This socket has been ended by the
// other party" (found by tests/drills/db-kill.test.ts in CI, where it became a 500).
const SOCKET_GONE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/** True for errors meaning "the database is not reachable right now" (→ 503). */
export function isDbUnavailableError(err: unknown): boolean {
  // Not `instanceof Error`: Node's own socket errors come from another realm under jest's vm.
  if (!types.isNativeError(err) && !(err instanceof Error)) return false;
  if (UNAVAILABLE_NAMES.has(err.name)) return true;
  if (SOCKET_GONE_CODES.has(String((err as NodeJS.ErrnoException).code)) && /[\\/]mongodb[\\/]/.test(err.stack ?? '')) return true;
  // mongoose with bufferCommands:false before (re)connection.
  return err.name === 'MongooseError' && /initial connection|not connected|Client must be connected/i.test(err.message);
}
