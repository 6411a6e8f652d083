// Per-test-file databases on the shared test FerretDB (see global-setup.ts).
// FerretDB database names must match ^[a-zA-Z0-9_-]{1,63}$.
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import mongoose from 'mongoose';
import { CONNECT_OPTIONS } from '../../server/src/db/connection';

/** Base URI of the test database server, without a database name. */
export function testServerUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run tests through jest (tests/support/global-setup.ts)');
  return uri.replace(/\/+$/, '');
}

/** A database name unique to this test file and run, e.g. `t_compatibility_3f9a1c`. */
export function testDatabaseName(label?: string): string {
  const from = label ?? basename(expect.getState().testPath ?? 'test').replace(/\.test\.tsx?$/, '');
  const safe = from.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 40);
  return `t_${safe}_${randomBytes(4).toString('hex')}`;
}

/** mongodb:// URI of a fresh database for this test file. */
export function testDatabaseUri(label?: string): string {
  return `${testServerUri()}/${testDatabaseName(label)}`;
}

/**
 * Connects the default mongoose connection to a fresh database for this test file
 * (same options as the server). Call in beforeAll; returns a function for afterAll
 * that drops the database and disconnects.
 */
export async function connectTestDatabase(label?: string): Promise<{ uri: string; disconnect: () => Promise<void> }> {
  const uri = testDatabaseUri(label);
  await mongoose.connect(uri, CONNECT_OPTIONS);
  return {
    uri,
    disconnect: async () => {
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
}
