// The embedded database finds documents by _id through an index (server/embedded-db/idindex.go).
// Without it FerretDB v1.24's SQLite backend scanned the whole table for every read, update and
// delete by _id (bench/: 24 ms per update at 10,000 documents, 94 ms at 50,000). Timings on a shared
// machine are noisy, so the test compares sizes: with the index an update by _id costs about the
// same in a collection of 20,000 documents as in one of 200; a scan would cost ~100× more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { EmbeddedDb } from '../../server/src/db/embedded';
import { silentLogger } from '../../server/src/log';

const dir = mkdtempSync(join(tmpdir(), 'zwgk-idindex-'));
let db: EmbeddedDb;
let client: mongoose.mongo.MongoClient;

beforeAll(async () => {
  db = new EmbeddedDb({ dir, logger: silentLogger });
  await db.start();
  client = new mongoose.mongo.MongoClient(db.uri('zwgk'));
  await client.connect();
});
afterAll(async () => {
  await client?.close();
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function fill(name: string, n: number): Promise<mongoose.mongo.Collection<{ _id: string }>> {
  const c = client.db('zwgk').collection<{ _id: string }>(name);
  for (let i = 0; i < n; i += 2000) await c.insertMany(Array.from({ length: Math.min(2000, n - i) }, (_, k) => ({ _id: `d${i + k}`, pad: 'x'.repeat(200) })));
  return c;
}

/** Median ms of an update by a random _id. */
async function updateCost(c: mongoose.mongo.Collection<{ _id: string }>, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const started = performance.now();
    await c.updateOne({ _id: `d${Math.floor(Math.random() * n)}` }, { $set: { y: i } });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[12]!;
}

async function indexed(c: mongoose.mongo.Collection<{ _id: string }>, n: number): Promise<boolean> {
  // The launcher indexes new collections of the server's database every few seconds.
  for (let i = 0; i < 40; i++) {
    const big = await updateCost(c, n);
    if (big < 5 * (await updateCost(small, 200)) + 2) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let small: mongoose.mongo.Collection<{ _id: string }>;

it('a new collection of the server database is indexed while running: updates by _id do not grow with its size', async () => {
  small = await fill('small', 200);
  const big = await fill('big', 20_000);
  expect(await indexed(big, 20_000)).toBe(true);
  expect(await big.countDocuments({ y: { $exists: true } })).toBeGreaterThan(0);
}, 120_000);

it('collections of other databases are indexed when the database starts', async () => {
  const other = client.db('other').collection<{ _id: string }>('big');
  for (let i = 0; i < 20_000; i += 2000) await other.insertMany(Array.from({ length: 2000 }, (_, k) => ({ _id: `d${i + k}`, pad: 'x'.repeat(200) })));
  await client.close();
  await db.stop();
  await db.start();
  client = new mongoose.mongo.MongoClient(db.uri('zwgk'));
  await client.connect();
  small = client.db('zwgk').collection('small');
  const reopened = client.db('other').collection<{ _id: string }>('big');
  const big = await updateCost(reopened, 20_000);
  expect(big).toBeLessThan(5 * (await updateCost(small, 200)) + 2);
  expect(await reopened.findOne({ _id: 'd19999' })).toMatchObject({ _id: 'd19999' });
}, 120_000);
