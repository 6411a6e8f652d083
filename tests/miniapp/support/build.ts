// Builds the mini-program for a test run only when its output is missing or older than its
// sources, so repeated runs cost nothing. Used by the miniapp-simulate and browser jest projects
// (global setup). Engineers share one working tree, so a lock directory keeps two test runs from
// building into the same dist folder at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const MINIAPP_DIR = join(REPO_ROOT, 'miniapp');

/** The production builds, and the H5 build with the design system's gallery (ZWGK_GALLERY=1). */
export type Target = 'weapp' | 'h5' | 'h5-gallery';

export const distDir = (target: Target) => join(MINIAPP_DIR, 'dist', target);

/** The file a finished build writes last-ish; its age stands for the build's. */
const marker: Record<Target, string> = { weapp: 'app.js', h5: 'index.html', 'h5-gallery': 'index.html' };

/** Everything whose change can change the build output. */
const inputs = [
  join(MINIAPP_DIR, 'src'),
  join(MINIAPP_DIR, 'config'),
  join(MINIAPP_DIR, 'babel.config.js'),
  join(MINIAPP_DIR, 'package.json'),
  join(REPO_ROOT, 'shared', 'src'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    // Tests never reach a build; skip them so editing a test does not trigger one.
    if (/\.test\.tsx?$/.test(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function isStale(target: Target): boolean {
  const out = join(distDir(target), marker[target]);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(fn: () => T): T {
  const lock = join(MINIAPP_DIR, 'dist', '.build-lock');
  mkdirSync(join(MINIAPP_DIR, 'dist'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 3 minutes belongs to a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 3 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`miniapp build lock ${lock} held for too long`);
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds `target` if stale; returns the build time in ms (0 when the existing build was fresh). */
export function ensureBuilt(target: Target): number {
  if (!isStale(target)) return 0;
  return withLock(() => {
    if (!isStale(target)) return 0; // someone else built it while we waited
    const started = Date.now();
    try {
      execFileSync('npm', ['run', `build:${target}`, '-w', 'miniapp'], { cwd: REPO_ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production', ZWGK_GALLERY: target.endsWith('-gallery') ? '1' : '0' } });
    } catch (err) {
      const e = err as { stdout?: Buffer; stderr?: Buffer };
      const tail = `${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`.split('\n').slice(-40).join('\n');
      throw new Error(`npm run build:${target} -w miniapp failed:\n${tail}`);
    }
    return Date.now() - started;
  });
}
