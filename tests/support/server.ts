// Real servers for tests: in-process (fast; the test can reach the running parts) or as
// a child process (for signals: SIGTERM persistence, SIGKILL, bad configuration exits).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { loadConfig, type Config } from '../../server/src/config';
import { startServer, type RunningServer, type StartOptions } from '../../server/src/server';
import { testDatabaseUri } from './db';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER_MAIN = join(REPO_ROOT, 'server/src/main.ts');

/** Env overrides; a key set to undefined is removed (e.g. `{ MONGODB_URI: undefined }` → embedded DB). */
export type EnvOverrides = Record<string, string | undefined>;

export interface TestServer {
  url: string;
  config: Config;
  server: RunningServer;
  /** fetch relative to the server, e.g. `api('/api/health')`. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Graceful close; drops the test database and deletes the temp DATA_DIR unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

function testEnv(overrides: EnvOverrides, dataDir: string): Record<string, string> {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    MONGODB_URI: testDatabaseUri(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Starts the real server in this process against this test file's own database. */
export async function startTestServer(overrides: EnvOverrides = {}, options: StartOptions = {}): Promise<TestServer> {
  const dataDir = overrides.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-test-data-'));
  const config = loadConfig(testEnv(overrides, dataDir));
  const server = await startServer(config, options);
  return {
    url: server.url,
    config,
    server,
    api: (path, init) => fetch(server.url + path, init),
    async close({ keepData = false } = {}) {
      if (!keepData) await mongoose.connection.dropDatabase().catch(() => undefined);
      await server.close();
      if (!keepData && overrides.DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the server logs `server listening`; rejects if it exits first. */
  listening: Promise<string>;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * LD_PRELOAD and FAKETIME* of a run under `faketime` (tests checked against a later date): a child
 * process given them shares the test's shifted clock, as processes on one machine share its clock.
 * Empty in an ordinary run.
 */
export function fakedClockEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => (e[0] === 'LD_PRELOAD' || e[0].startsWith('FAKETIME')) && e[1] !== undefined));
}

/**
 * Runs `server/src/main.ts` in a child process (node --import tsx, so signals reach the
 * server itself). `env` is added to a test environment (PORT 0, temp DATA_DIR must be
 * given by the caller if it matters, LOG_LEVEL info so the listening line is visible).
 */
export function spawnServer(env: EnvOverrides, options: { timeoutMs?: number } = {}): ServerProcess {
  const full = testEnv({ LOG_LEVEL: 'info', ...env }, env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-test-data-')));
  const inherited = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => ['PATH', 'HOME', 'TMPDIR', 'LANG'].includes(k))), ...fakedClockEnv() };
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...full },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal, stdout, stderr })),
  );
  const listening = new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${options.timeoutMs ?? 30000} ms:\n${stderr}`)), options.timeoutMs ?? 30000);
    child.stdout!.on('data', (d: string) => {
      stdout += d;
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"server listening"/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (code ${code}, signal ${signal}) before listening:\n${stderr}`));
    });
  });
  listening.catch(() => undefined); // callers that only await `exited` must not see an unhandled rejection
  return {
    child,
    listening,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const { code, signal: s } = await exited;
      return { code, signal: s };
    },
  };
}
