// The staff inbox with two server processes on one database: each instance caches its bodies'
// requests in memory and checks the cache against the shared lookup document on every call
// (storage/body-index.ts, inbox-cache.ts). A change made on one instance shows in the
// other's next inbox call, whatever it cached; filings arriving on both at once to one body are
// all listed (each step of the body document is claimed by a unique insert, so the embedded
// database's read-modify-write updates lose no entry even across processes).
import mongoose from 'mongoose';
import { parseEntries } from '../../../server/src/storage/body-index';
import { CONNECT_OPTIONS } from '../../../server/src/db/connection';
import { BodyRequests } from '../../../server/src/models/bodyRequests';
import { configurePii } from '../../../server/src/pii';
import { testDatabaseUri } from '../../support/db';
import type { TestServer } from '../../support/server';
import { act, citizen, client, filing, newKey, OFFICE, seedWorld, staffActors, type Client } from '../requests/support';
import { Instances, PII_KEY, tag } from './support';

jest.setTimeout(180_000);

const uri = testDatabaseUri('inbox2');
const instances = new Instances(() => ({ MONGODB_URI: uri, REDIS_URL: undefined, JOBS_ENABLED: '0', MEDIA_WORKER_ENABLED: '0', RATE_LIMIT_FILING: 'off' }));
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  configurePii(PII_KEY);
  await mongoose.connect(uri, CONNECT_OPTIONS);
  await seedWorld();
  [a, b] = await instances.startPair();
});
afterAll(() => instances.tearDown());

type Item = { id: string; phase: string; unread: boolean };
const inbox = async (c: Client): Promise<Item[]> => {
  const res = await c.call('GET', '/api/staff/requests?limit=200');
  if (res.status !== 200) throw new Error(`inbox: ${res.status} ${JSON.stringify(res.body)}\n${instances.allProblems()}`);
  return res.body.items;
};
const fileOn = async (t: TestServer, who: string): Promise<string> => {
  const res = await client(t, citizen(who)).call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() });
  if (res.status !== 201) throw new Error(`filing: ${res.status} ${JSON.stringify(res.body)}\n${instances.allProblems()}`);
  return res.body.request.id;
};

it("a change made on one instance shows in the other's next inbox call, whatever it cached", async () => {
  const clerkA = client(a, staffActors.clerk!);
  const clerkB = client(b, staffActors.clerk!);
  await Promise.all([inbox(clerkA), inbox(clerkB)]); // both caches filled

  const id = await fileOn(a, `cTwoInbox${tag()}`);
  expect((await inbox(clerkB)).find((i) => i.id === id)).toMatchObject({ phase: 'submitted', unread: true });
  expect((await inbox(clerkA)).find((i) => i.id === id)).toMatchObject({ phase: 'submitted', unread: true });

  expect((await act(clerkB, id, { type: 'confirm_receipt' })).status).toBe(200);
  expect((await inbox(clerkA)).find((i) => i.id === id)).toMatchObject({ phase: 'received' });

  expect((await clerkA.call('POST', `/api/staff/requests/${id}/read`)).status).toBe(204);
  expect((await inbox(clerkB)).find((i) => i.id === id)).toMatchObject({ unread: false });

});

it('filings arriving on both instances at once to one body are all listed by both', async () => {
  const clerkA = client(a, staffActors.clerk!);
  const clerkB = client(b, staffActors.clerk!);
  const before = new Set((await inbox(clerkA)).map((i) => i.id));
  const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => fileOn(i % 2 ? a : b, `cTwoBurst${tag()}${i}`)));
  const entries = parseEntries((await BodyRequests.findById(OFFICE).lean())!.entries);
  for (const id of ids) expect(entries.get(id)?.version).toBe(0);
  for (const c of [clerkA, clerkB]) {
    const listed = (await inbox(c)).map((i) => i.id).filter((id) => !before.has(id));
    expect(listed.sort()).toEqual([...ids].sort());
  }
});
