// Upserts of one new `_id` at once (db/duplicate.ts): on the embedded FerretDB one of two such
// inserts is refused with a duplicate key nearly every time (measured 29 of 30 pairs on an idle
// machine; under load the timing, not the product, decides). `upsertRacing` runs the loser again,
// as an update. Here the race is staged, so it happens every run: the other writer's insert lands
// first and our first attempt is refused by the real database.
import { MongoClient } from 'mongodb';
import { isDuplicateKeyError, upsertRacing } from '../../server/src/db/duplicate';
import { testDatabaseUri } from '../support/db';

let clients: MongoClient[];
beforeAll(async () => {
  const uri = testDatabaseUri();
  clients = await Promise.all([MongoClient.connect(uri), MongoClient.connect(uri)]);
});
afterAll(async () => {
  await clients[0]!.db().dropDatabase();
  await Promise.all(clients.map((c) => c.close()));
});

const stamps = (c: MongoClient) => c.db().collection<{ _id: string; mine?: boolean; theirs?: boolean }>('stamps');

it('upsertRacing: an upsert that lost the insert to another writer runs again as an update', async () => {
  const [mine, theirs] = clients as [MongoClient, MongoClient];
  let attempts = 0;
  let refused: unknown;
  await upsertRacing(async () => {
    attempts++;
    if (attempts === 1) {
      // The other writer's insert lands first; ours, in the same instant, is refused.
      await stamps(theirs).insertOne({ _id: 'staged', theirs: true });
      return stamps(mine)
        .insertOne({ _id: 'staged', mine: true })
        .catch((err: unknown) => {
          refused = err;
          throw err;
        });
    }
    return stamps(mine).updateOne({ _id: 'staged' }, { $set: { mine: true } }, { upsert: true });
  });
  expect(isDuplicateKeyError(refused)).toBe(true);
  expect(attempts).toBe(2);
  expect(await stamps(mine).findOne({ _id: 'staged' })).toEqual({ _id: 'staged', theirs: true, mine: true });
});

it('upsertRacing passes any other error through, and does not run again', async () => {
  let attempts = 0;
  const failing = upsertRacing(async () => {
    attempts++;
    throw Object.assign(new Error('not a duplicate'), { code: 2 });
  });
  await expect(failing).rejects.toThrow('not a duplicate');
  expect(attempts).toBe(1);
});
