// Stops the FerretDB started by global-setup.ts and removes its temporary directory.
import { rmSync } from 'node:fs';
import type { EmbeddedDb } from '../../server/src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__ZWGK_TEST_DB__ as { db: EmbeddedDb; dir: string } | undefined;
  if (!state) return;
  await state.db.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
