// Jest global setup (server project): ONE embedded FerretDB on a temporary directory and
// a free port for the whole run. Its base URI reaches every test worker through
// process.env.TEST_MONGODB_URI (workers are forked after this runs); each test file then
// uses its own database name (tests/support/db.ts). Set TEST_MONGODB_URI yourself to run
// the suite against a real MongoDB instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDb } from '../../server/src/db/embedded';
import { silentLogger } from '../../server/src/log';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_MONGODB_URI) return;
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-test-db-'));
  const db = new EmbeddedDb({ dir, logger: silentLogger });
  await db.start();
  process.env.TEST_MONGODB_URI = db.uri('').replace(/\/$/, '');
  (globalThis as Record<string, unknown>).__ZWGK_TEST_DB__ = { db, dir };
}
