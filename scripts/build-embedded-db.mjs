// Builds the embedded database launcher (server/embedded-db, Go) into .build/,
// only when its sources changed since the last build: the hash of go.mod, go.sum
// and *.go is stored beside the binary.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'server', 'embedded-db');
const outDir = join(root, '.build');
const binary = join(outDir, 'embedded-db');
const stamp = join(outDir, 'embedded-db.sha256');

if (process.env.MONGODB_URI && !process.env.BUILD_EMBEDDED_DB) {
  console.log('embedded-db: MONGODB_URI is set, skipping the embedded database build');
  process.exit(0);
}

const hash = createHash('sha256');
for (const name of readdirSync(source).filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum').sort()) {
  hash.update(name).update(readFileSync(join(source, name)));
}
const digest = hash.digest('hex');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('embedded-db: up to date');
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
console.log('embedded-db: building FerretDB launcher (first build takes a few minutes)…');
try {
  execFileSync('go', ['build', '-trimpath', '-o', binary, '.'], {
    cwd: source,
    stdio: 'inherit',
    env: { ...process.env, GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' },
  });
} catch (err) {
  console.error('embedded-db: go build failed. Go 1.24+ must be on PATH, or set MONGODB_URI to use MongoDB.');
  process.exit(1);
}
writeFileSync(stamp, digest);
console.log(`embedded-db: built ${binary}`);
