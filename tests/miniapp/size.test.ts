import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINIAPP_DIR, distDir } from './support/build';

// The build check of miniapp/scripts/check-size.mjs, run on the weapp build of this test run
// (built by the project's global setup): main package ≤ 1 MB, WeChat's limits for the rest.

it('keeps the weapp main package within 1 MB and reports every subpackage', () => {
  const script = join(MINIAPP_DIR, 'scripts', 'check-size.mjs');
  let output: string;
  try {
    output = execFileSync(process.execPath, [script, distDir('weapp'), '--json'], { encoding: 'utf8' });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`check-size failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  const sizes = JSON.parse(output) as { main: number; subpackages: Record<string, number>; total: number; problems: string[] };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`weapp main ${kb(sizes.main)}; ${Object.entries(sizes.subpackages).map(([r, n]) => `${r}/ ${kb(n)}`).join(', ')}; total ${kb(sizes.total)}`);

  expect(sizes.problems).toEqual([]);
  expect(sizes.main).toBeGreaterThan(0);
  expect(sizes.main).toBeLessThanOrEqual(1024 * 1024);
  // The design system's gallery (dev/) is not shipped: it is only in ZWGK_GALLERY=1 builds.
  expect(Object.keys(sizes.subpackages).sort()).toEqual(['lookup', 'report', 'staff']);
});

it('fails the check when the main package is over budget', () => {
  // A fake build whose main package holds a 1.1 MB file: the script must exit 1.
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-size-'));
  try {
    writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], subPackages: [] }));
    writeFileSync(join(dir, 'vendors.js'), Buffer.alloc(1.1 * 1024 * 1024, 'a'));
    expect(() => execFileSync(process.execPath, [join(MINIAPP_DIR, 'scripts', 'check-size.mjs'), dir], { stdio: 'pipe' })).toThrow(/over the 1 MB budget/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
