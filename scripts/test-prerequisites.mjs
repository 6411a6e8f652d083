// First step of `npm test`: the browser suites need a Chromium and a font with Chinese glyphs
// (screenshots of the H5 app, checks of text overflow). Find them; when they are missing and we
// may install Debian packages (root, or sudo without a password), install them; otherwise stop
// here with the one command to run, instead of failing every browser suite one by one.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packages = { chromium: 'chromium', cjkFont: 'fonts-wqy-microhei' };

function hasChromium() {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Any installed font that covers Chinese (fontconfig's own answer, whatever package brought it). */
function hasCjkFont() {
  const found = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

function missingPackages() {
  const missing = [];
  if (!hasChromium()) missing.push(packages.chromium);
  if (!hasCjkFont()) missing.push(packages.cjkFont);
  return missing;
}

/** How this user may run apt-get: directly as root, through passwordless sudo, or not at all. */
function aptPrefix() {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null;
}

const missing = missingPackages();
if (missing.length === 0) process.exit(0);

const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const prefix = aptPrefix();
if (prefix === null) {
  console.error(`npm test needs ${missing.join(' and ')} for the browser tests, and cannot install them itself. Run:\n\n  ${command}\n`);
  if (missing.includes(packages.chromium)) console.error(`(or point CHROMIUM_PATH at a Chromium; looked for ${chromiumPath})`);
  process.exit(1);
}

console.log(`test prerequisites: installing ${missing.join(' ')} (Debian packages for the browser tests)`);
// apt-get's own output only when it fails: the run's first lines stay readable.
function run(args) {
  const argv = [...prefix, ...args];
  try {
    execFileSync(argv[0], argv.slice(1), { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (err) {
    console.error(`${err.stdout ?? ''}${err.stderr ?? ''}`.split('\n').slice(-30).join('\n'));
    console.error(`test prerequisites: "${argv.join(' ')}" failed; install them by hand:\n\n  ${command}\n`);
    process.exit(1);
  }
}
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
console.log(`test prerequisites: installed ${missing.join(' ')}`);

const still = missingPackages();
if (still.length) {
  console.error(`test prerequisites: still missing after installing: ${still.join(', ')} (looked for Chromium at ${chromiumPath})`);
  process.exit(1);
}
