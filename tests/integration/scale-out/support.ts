// Issue 10 acceptance, shared by live.test.ts and runner.test.ts: the suites run in two layouts.
//   - 'redis':  two server processes (A, B) on one database and one Redis (REDIS_URL set);
//   - 'memory': one server process without REDIS_URL (in-process bus), as a county runs it.
// Each instance is a real `server/src/main.ts` child process with its own DATA_DIR, like
// instances on separate machines: whatever one of them kept only in memory or on its own disk,
// the other cannot see.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { spawnServer, type EnvOverrides, type ServerProcess, type TestServer } from '../../support/server';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const JWT_SECRET = 'scale-out-test-secret-0123456789abcdef';
/** Personal data and account credentials are encrypted with it by instances and by the test process alike. */
export const PII_KEY = Buffer.alloc(32, 10);

export interface Layout {
  name: 'redis' | 'memory';
  title: string;
  /** Instances running at once. */
  instances: 1 | 2;
  env: EnvOverrides;
}

export const LAYOUTS: Layout[] = [
  { name: 'redis', title: 'two instances, one database, one Redis', instances: 2, env: { REDIS_URL } },
  { name: 'memory', title: 'one instance without Redis (in-process bus)', instances: 1, env: { REDIS_URL: undefined } },
];

/**
 * Whether Redis answers, decided synchronously so a suite can be reported as skipped (not passed)
 * when it does not. REQUIRE_REDIS=1 turns a missing Redis into a failure instead.
 */
export function redisAvailable(): boolean {
  const { hostname, port } = new URL(REDIS_URL);
  const probe = `const s=require('net').createConnection({host:${JSON.stringify(hostname)},port:${Number(port || 6379)}});s.setTimeout(800,()=>process.exit(1));s.on('connect',()=>{s.write('PING\\r\\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 3000 });
    return true;
  } catch {
    if (process.env.REQUIRE_REDIS === '1') throw new Error(`Redis at ${REDIS_URL} is not reachable and REQUIRE_REDIS=1`);
    console.warn(`SKIPPED the Redis layout of the scale-out tests: Redis at ${REDIS_URL} is not reachable (start Redis or set TEST_REDIS_URL)`);
    return false;
  }
}

/** A running instance as the requests test helpers (client, fileAs) take it: its URL, fetch, and the JWT secret. */
export const asTestServer = (url: string) => ({ url, api: (path: string, init?: RequestInit) => fetch(url + path, init), config: { jwtSecret: JWT_SECRET } }) as unknown as TestServer;

export const describeLayout = (layout: Layout, redisUp: boolean) => (layout.name === 'redis' && !redisUp ? describe.skip : describe);

/** Instances of one test file, stopped after each test; their logs are kept for failure messages. */
export class Instances {
  private readonly running: ServerProcess[] = [];
  private readonly outputs = new Map<ServerProcess, () => string>();

  constructor(private readonly base: () => EnvOverrides) {}

  start(env: EnvOverrides = {}): ServerProcess {
    // Generous start-up time: the machines running the suite are often busy.
    const p = spawnServer({ JWT_SECRET, PII_KEY: PII_KEY.toString('base64'), ...this.base(), ...env }, { timeoutMs: 90_000 });
    this.running.push(p);
    let out = '';
    p.child.stdout!.on('data', (d: string) => (out += d));
    this.outputs.set(p, () => out);
    return p;
  }

  /** Warnings and errors the instance logged (pino levels 40–60). */
  problems(p: ServerProcess): string {
    return (this.outputs.get(p)?.() ?? '')
      .split('\n')
      .filter((l) => /"level":(4|5|6)0/.test(l))
      .join('\n');
  }

  allProblems(): string {
    return this.running.map((p, i) => `instance ${i} (pid ${p.child.pid}):\n${this.problems(p)}`).join('\n');
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((p) => p.stop('SIGTERM')));
  }

  /** Two instances started side by side, once both listen. */
  async startPair(env: EnvOverrides = {}): Promise<[TestServer, TestServer]> {
    const [a, b] = await Promise.all([this.start(env).listening, this.start(env).listening]);
    return [asTestServer(a), asTestServer(b)];
  }

  /** End of a file: every instance stopped, the file's database dropped, the test's connection closed. */
  async tearDown(): Promise<void> {
    await this.stopAll();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  }
}

export const tag = () => randomBytes(3).toString('hex');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(check: () => Promise<T | false | null | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}
