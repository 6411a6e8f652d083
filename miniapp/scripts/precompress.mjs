#!/usr/bin/env node
// Precompresses the H5 build (miniapp/dist/h5): writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) next to every text asset, which the server's /app/ middleware
// (server/src/middleware/staticH5.ts) sends to clients that accept them. Done once here, at the
// best compression levels, rather than per request on the server (2 shared cores) — the assets
// are content-hashed and never change after the build.
//   node miniapp/scripts/precompress.mjs [distDir]      (default: miniapp/dist/h5)
// A variant is kept only when it is smaller than the file; small files are left alone.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats worth compressing (images and fonts are compressed already; source maps are for developers). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.wasm']);
/** Below this the headers cost more than the bytes saved. */
export const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes the variants for every compressible file of `distDir`; returns what it wrote. */
export function precompress(distDir) {
  const written = [];
  for (const file of files(distDir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    // A variant left over from an earlier build is removed first, so none can outlive its file.
    for (const ext of ['.br', '.gz']) rmSync(file + ext, { force: true });
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const variants = {
      '.br': brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      '.gz': gzipSync(bytes, { level: 9 }),
    };
    for (const [ext, compressed] of Object.entries(variants)) {
      if (compressed.length >= bytes.length) continue;
      writeFileSync(file + ext, compressed);
      written.push({ file: relative(distDir, file) + ext, bytes: bytes.length, compressed: compressed.length });
    }
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'h5'));
  if (!statSync(distDir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`precompress: ${distDir} is not a directory (build the H5 app first)`);
    process.exit(1);
  }
  const written = precompress(distDir);
  const sum = (key, ext) => written.filter((w) => w.file.endsWith(ext)).reduce((n, w) => n + w[key], 0);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const sources = new Set(written.map((w) => w.file.replace(/\.(br|gz)$/, ''))).size;
  console.log(`precompress: ${sources} files in ${distDir}: ${kb(sum('bytes', '.br'))} → br ${kb(sum('compressed', '.br'))}, gz ${kb(sum('compressed', '.gz'))}`);
}
