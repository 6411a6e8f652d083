// Data written to the embedded database survives a graceful stop (SIGTERM) of the server
// process and a new start on the same DATA_DIR; the database child stops with the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { freePort, pingOnce } from '../../server/src/db/embedded';
import { spawnServer } from '../support/server';

const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function withClient<T>(port: number, fn: (db: mongoose.mongo.Db) => Promise<T>): Promise<T> {
  const client = new mongoose.mongo.MongoClient(`mongodb://127.0.0.1:${port}/zwgk`, { serverSelectionTimeoutMS: 2000 });
  await client.connect();
  try {
    return await fn(client.db());
  } finally {
    await client.close();
  }
}

it('a document written before SIGTERM is there after the next start', async () => {
  const dbPort = await freePort();
  const env = { DATA_DIR: dataDir, MONGODB_URI: undefined, EMBEDDED_DB_PORT: String(dbPort) };

  const first = spawnServer(env);
  const url = await first.listening;
  expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: 'ok', db: 'ok' });
  await withClient(dbPort, (db) => db.collection('persistence_probe').insertOne({ _id: 'probe' as never, text: '依申请公开', at: new Date('2024-01-02T03:04:05Z') }));

  expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  expect(await pingOnce(`mongodb://127.0.0.1:${dbPort}/admin`, 500)).toBe(false); // the child went with it

  const second = spawnServer(env);
  try {
    const url2 = await second.listening;
    expect((await fetch(`${url2}/api/health`)).status).toBe(200);
    const doc = await withClient(dbPort, (db) => db.collection('persistence_probe').findOne({ _id: 'probe' as never }));
    expect(doc).toEqual({ _id: 'probe', text: '依申请公开', at: new Date('2024-01-02T03:04:05Z') });
  } finally {
    expect(await second.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }
});

it('SIGKILL of the server: the database child stops by itself (stdin lifeline) and the data is intact', async () => {
  const dbPort = await freePort();
  const env = { DATA_DIR: dataDir, MONGODB_URI: undefined, EMBEDDED_DB_PORT: String(dbPort) };
  const server = spawnServer(env);
  await server.listening;
  await withClient(dbPort, (db) => db.collection('persistence_probe').insertOne({ _id: 'before-crash' as never }));

  expect(await server.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  const deadline = Date.now() + 5000;
  while ((await pingOnce(`mongodb://127.0.0.1:${dbPort}/admin`, 300)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await pingOnce(`mongodb://127.0.0.1:${dbPort}/admin`, 300)).toBe(false);

  const again = spawnServer(env);
  try {
    await again.listening;
    expect(await withClient(dbPort, (db) => db.collection('persistence_probe').countDocuments({ _id: 'before-crash' as never }))).toBe(1);
  } finally {
    await again.stop('SIGTERM');
  }
});
