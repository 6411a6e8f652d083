// Drill: the server of a county — one process with its embedded database (FerretDB + SQLite in
// DATA_DIR) as a child — is killed with SIGKILL twice during a burst of filings, and started again
// on the same DATA_DIR each time. The citizens' apps retry with the same Idempotency-Key until they
// get an answer. Afterwards every submission is acknowledged and stored exactly once under the
// acknowledged 申请编号, and none is half-written: each is readable in full by its owner (the
// encrypted identity decrypts), the public lookup finds it with the owner's 查询码, and the clerk
// was told about it.
// (tests/integration/requests/crash.test.ts kills the server once against an external database;
// this drill kills the whole box — server and database child — repeatedly.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { freePort } from '../../server/src/db/embedded';
import { spawnServer, type ServerProcess } from '../support/server';
import { cleanVerdict, fileUntilAcknowledged, seedOffice, submissions, verify } from './burst';

const JWT_SECRET = 'drill-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-drill-kill-'));
let server: ServerProcess | undefined;
let client: mongoose.mongo.MongoClient | undefined;

afterAll(async () => {
  await client?.close().catch(() => undefined);
  await server?.stop('SIGTERM').catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

it('SIGKILL of server + embedded database twice mid-burst: every acknowledged filing stored once and complete', async () => {
  const dbPort = await freePort();
  const env = { MONGODB_URI: undefined, DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(dbPort), JWT_SECRET, RATE_LIMIT_FILING: 'off', JOBS_RETRY_MS: '500' };
  server = spawnServer(env, { timeoutMs: 60_000 });
  let base = await server.listening;
  const dbUri = `mongodb://127.0.0.1:${dbPort}/zwgk`;
  {
    const seeding = new mongoose.mongo.MongoClient(dbUri, { serverSelectionTimeoutMS: 5000 });
    await seeding.connect();
    await seedOffice(seeding.db());
    await seeding.close();
  }

  const all = submissions(48);
  const burst = Promise.all(all.map((s, i) => new Promise((r) => setTimeout(r, i * 40)).then(() => fileUntilAcknowledged(s, () => base, JWT_SECRET))));
  const acknowledged = () => all.filter((s) => s.acknowledged).length;
  const kills: number[] = [];
  for (const threshold of [8, 24]) {
    while (acknowledged() < threshold) await new Promise((r) => setTimeout(r, 10));
    const { signal } = await server.stop('SIGKILL');
    expect(signal).toBe('SIGKILL');
    kills.push(acknowledged());
    server = spawnServer(env, { timeoutMs: 60_000 });
    base = await server.listening;
  }
  await burst;

  expect(kills).toHaveLength(2);
  expect(all.some((s) => s.attempts > 1)).toBe(true); // submissions really were cut off by the kills
  client = new mongoose.mongo.MongoClient(dbUri, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  expect(await verify(client.db(), base, JWT_SECRET, all)).toEqual(cleanVerdict(all.length));
}, 180_000);
