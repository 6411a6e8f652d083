#!/usr/bin/env node
// Size check of the weapp build (miniapp/dist/weapp): prints the main package and every
// subpackage, and exits 1 when the main package is over our 1 MB budget (WeChat's own
// limits are 2 MB per package and 30 MB in all; those are checked too).
//   node miniapp/scripts/check-size.mjs [distDir] [--json]
// Counts the files WeChat uploads: not source maps, not webpack's *.LICENSE.txt notes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const MB = 1024 * KB;
export const limits = { main: 1 * MB, wechatPackage: 2 * MB, wechatTotal: 30 * MB };

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!entry.name.endsWith('.map') && !entry.name.endsWith('.LICENSE.txt')) yield path;
  }
}

/** Bytes of the main package and of each subpackage root listed in app.json. */
export function measure(distDir) {
  const appJson = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])), total: 0 };
  for (const file of files(distDir)) {
    const rel = relative(distDir, file).split(sep).join('/');
    const bytes = statSync(file).size;
    const root = roots.find((r) => rel.startsWith(r + '/'));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
    sizes.total += bytes;
  }
  return sizes;
}

/** Problems with the sizes, in words; empty when within budget. */
export function problems(sizes) {
  const out = [];
  if (sizes.main > limits.main) out.push(`main package ${fmt(sizes.main)} is over the 1 MB budget`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > limits.wechatPackage) out.push(`subpackage ${root} ${fmt(bytes)} is over WeChat's 2 MB limit`);
  }
  if (sizes.total > limits.wechatTotal) out.push(`all packages ${fmt(sizes.total)} are over WeChat's 30 MB limit`);
  return out;
}

const fmt = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function main(argv) {
  const json = argv.includes('--json');
  const dirArg = argv.find((a) => !a.startsWith('--'));
  const distDir = resolve(dirArg ?? join(fileURLToPath(new URL('.', import.meta.url)), '../dist/weapp'));
  let sizes;
  try {
    sizes = measure(distDir);
  } catch (err) {
    console.error(`check-size: cannot read a weapp build at ${distDir} (${err.message}); run npm run build:weapp first`);
    return 2;
  }
  const found = problems(sizes);
  if (json) {
    console.log(JSON.stringify({ ...sizes, problems: found }));
  } else {
    console.log(`weapp main package: ${fmt(sizes.main)} (budget 1024.0 KB)`);
    for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`  subpackage ${root}/: ${fmt(bytes)}`);
    console.log(`  total: ${fmt(sizes.total)}`);
    for (const p of found) console.error(`check-size: ${p}`);
  }
  return found.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
