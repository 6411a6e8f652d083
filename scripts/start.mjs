// `npm start`: one command from a fresh install to a running product.
// 1. builds the H5 app (miniapp/dist/h5) when it is missing or older than its sources
//    (a failed build only warns: the API still starts);
// 2. makes sure the embedded database launcher is built (unless MONGODB_URI is set);
// 3. runs the server (node --import tsx server/src/main.ts) with DEMO_MODE=1 unless set,
//    prints the API and H5 URLs, and forwards SIGINT/SIGTERM for a graceful stop.
// SKIP_H5_BUILD=1 skips step 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[start] ${msg}`);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function buildH5IfStale() {
  if (process.env.SKIP_H5_BUILD === '1') return say('SKIP_H5_BUILD=1: not building the H5 app');
  const pkgPath = join(root, 'miniapp', 'package.json');
  const pkg = existsSync(pkgPath) ? JSON.parse(readFileSync(pkgPath, 'utf8')) : {};
  if (!pkg.scripts?.['build:h5'] || !existsSync(join(root, 'miniapp', 'src'))) return say('no H5 app to build');
  const built = join(root, 'miniapp', 'dist', 'h5', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    ...['miniapp/src', 'miniapp/config', 'miniapp/package.json', 'miniapp/babel.config.js', 'shared/src'].map((p) => newestMtime(join(root, p))),
  );
  if (builtAt && builtAt >= sourcesAt) return say('H5 app is up to date');
  say('building the H5 app (first build takes a minute or two)…');
  const result = spawnSync('npm', ['run', 'build:h5', '-w', 'miniapp'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) say('WARNING: the H5 app build failed; starting the API anyway (/app/ serves the last good build, if any)');
}

function ensureEmbeddedDb() {
  if (process.env.MONGODB_URI) return;
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-embedded-db.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildH5IfStale();
ensureEmbeddedDb();

const env = { ...process.env, DEMO_MODE: process.env.DEMO_MODE ?? (process.env.NODE_ENV === 'production' ? '0' : '1') };
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'src', 'main.ts')], {
  cwd: root,
  env,
  stdio: ['inherit', 'pipe', 'inherit'],
  // Own process group: Ctrl+C in a terminal reaches only this script, which forwards it
  // once (the server treats a second signal as "exit now").
  detached: true,
});

let pending = '';
let announced = false;
server.stdout.setEncoding('utf8');
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (announced) return;
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    try {
      const entry = JSON.parse(line);
      if (entry.msg === 'server listening') {
        announced = true;
        pending = '';
        const url = entry.url.replace('127.0.0.1', 'localhost');
        console.log(`\n  政务公开助手 is running${env.DEMO_MODE === '1' ? ' (demo mode)' : ''}\n  API:    ${url}/api/health\n  H5 app: ${url}/app/\n`);
      }
    } catch {
      // not a JSON log line
    }
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
