// A bad configuration stops the real process at start-up: exit code ≠ 0 and ONE line on
// stderr naming the variable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../support/server';

async function startFailure(env: Record<string, string | undefined>) {
  const { code, stderr } = await spawnServer(env).exited;
  return { code, lines: stderr.split('\n').filter((l) => l.trim() !== '') };
}

it('PORT=abc → exits non-zero with one line naming PORT', async () => {
  const { code, lines } = await startFailure({ PORT: 'abc' });
  expect(code).not.toBe(0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^配置错误 Configuration error: PORT: expected a number/);
});

it('an unwritable DATA_DIR → exits non-zero with one line naming DATA_DIR', async () => {
  // A path below a regular file cannot be created even by root.
  const file = join(mkdtempSync(join(tmpdir(), 'zwgk-badcfg-')), 'not-a-dir');
  writeFileSync(file, '');
  const { code, lines } = await startFailure({ DATA_DIR: join(file, 'data') });
  expect(code).not.toBe(0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^配置错误 Configuration error: DATA_DIR: .*not-a-dir\/data is not a writable directory/);
});
