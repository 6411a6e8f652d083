// Supervisor of the embedded database (FerretDB + SQLite, the Go launcher built into
// .build/embedded-db). Starts it as a child process, waits until it answers `ping`,
// restarts it with backoff if it dies, and stops it with SIGTERM on shutdown.
// The port stays the same across restarts so the mongoose connection recovers by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from '../log';

export const EMBEDDED_DB_BINARY = resolve(__dirname, '../../../.build/embedded-db');

export interface EmbeddedDbOptions {
  /** Directory of the SQLite files (one `<database>.sqlite` per database). */
  dir: string;
  /** undefined/0 → a free port chosen once at the first start. */
  port?: number | undefined;
  logger: Logger;
  binary?: string;
  /** How long start() waits for the first ping. */
  startTimeoutMs?: number;
}

const BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
/** A child that stayed up this long resets the backoff. */
const STABLE_MS = 10_000;

export class EmbeddedDb {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private startedAt = 0;
  private recentStderr: string[] = [];
  private currentPort: number;
  /** Number of restarts after unexpected exits (for tests and health diagnostics). */
  restarts = 0;

  constructor(private readonly options: EmbeddedDbOptions) {
    this.currentPort = options.port ?? 0;
  }

  /** mongodb:// URI of database `dbName` on this instance. */
  uri(dbName = 'zwgk'): string {
    return `mongodb://127.0.0.1:${this.currentPort}/${dbName}`;
  }

  /** The TCP port (0 until the first start picks one). */
  get port(): number {
    return this.currentPort;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const binary = this.options.binary ?? EMBEDDED_DB_BINARY;
    if (!existsSync(binary)) {
      throw new Error(`embedded database binary missing at ${binary}: run \`npm run build:db\` (needs Go) or set MONGODB_URI`);
    }
    mkdirSync(this.options.dir, { recursive: true });
    if (!this.currentPort) this.currentPort = await freePort();
    this.stopping = false;
    process.on('exit', this.killOnExit);
    this.spawnChild();
    await this.waitUntilReady(this.options.startTimeoutMs ?? 20_000);
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    process.off('exit', this.killOnExit);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Last resort when this process exits without stop() (e.g. process.exit in a crash). */
  private readonly killOnExit = () => {
    this.child?.kill('SIGTERM');
  };

  private spawnChild(): void {
    const binary = this.options.binary ?? EMBEDDED_DB_BINARY;
    const log = this.options.logger;
    // stdin is a pipe the child watches: if this process dies without stopping it
    // (SIGKILL), the pipe closes and the child shuts itself down (-exit-on-stdin-eof).
    const child = spawn(binary, ['-port', String(this.currentPort), '-dir', this.options.dir, '-log-level', 'warn', '-exit-on-stdin-eof'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    this.child = child;
    this.startedAt = Date.now();
    this.recentStderr = [];
    child.stderr?.setEncoding('utf8');
    let buffered = '';
    child.stderr?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        this.recentStderr = [...this.recentStderr.slice(-9), line.slice(0, 2000)];
        // FerretDB logs every unsupported command (e.g. the driver's `endSessions`) and
        // every dropped client connection at WARN: only its ERRORs are worth our warn level.
        if (/"level":"ERROR"/.test(line)) log.warn({ embeddedDb: line.slice(0, 2000) }, 'embedded-db error');
        else log.debug({ embeddedDb: line.slice(0, 2000) }, 'embedded-db output');
      }
    });
    child.on('error', (err) => log.error({ err }, 'embedded-db failed to spawn'));
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (this.stopping) return;
      if (Date.now() - this.startedAt > STABLE_MS) this.failures = 0;
      const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!;
      this.failures += 1;
      log.error({ code, signal, restartInMs: delay, stderr: this.recentStderr }, 'embedded-db exited unexpectedly; restarting');
      this.restartTimer = setTimeout(() => {
        if (this.stopping) return;
        this.restarts += 1;
        this.spawnChild();
      }, delay);
    });
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`embedded-db exited during start: ${this.recentStderr.join(' | ')}`);
      if (await pingOnce(this.uri('admin'), 500)) {
        this.options.logger.info({ port: this.currentPort, dir: this.options.dir }, 'embedded-db ready');
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`embedded-db did not answer ping within ${timeoutMs} ms: ${this.recentStderr.join(' | ')}`);
  }
}

/** One `ping` through a throwaway client (direct connection, short timeouts). */
export async function pingOnce(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, {
    directConnection: true,
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Where the embedded database keeps its files inside DATA_DIR. */
export const embeddedDbDir = (dataDir: string) => join(dataDir, 'db');
