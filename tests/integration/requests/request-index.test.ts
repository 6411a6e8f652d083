// "My requests" and the public lookup read requests by `_id` only (the embedded FerretDB scans the
// whole collection for any other filter; at 10,000 requests each call took seconds — bench/): the
// citizen's list document and the number document (models/requestIndex.ts). Requests stored without
// them (demo seeds, bulk imports, older data) are found by one scan, after which the documents exist.
import mongoose from 'mongoose';
import { queryCodeFor } from '../../../server/src/requests/commands/query-code';
import { upsertCitizen } from '../../../server/src/routes/auth/citizen';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, fileAs, seedWorld, type Client } from './support';
import { requestQueries } from '../../support/queries';

let t: TestServer;
let a: Client;
let b: Client;
beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_FILING: 'off' });
  await seedWorld();
  a = client(t, citizen('cIndexA00001'));
  b = client(t, citizen('cIndexB00001'));
});
afterAll(() => t.close());

const onlyById = (queries: unknown[]) => queries.every((q) => Object.keys(q as object).join() === '_id');

it('my requests of a citizen who signed up: mine only, newest first, read by _id from the first call', async () => {
  const me = client(t, await upsertCitizen('dev', '索引测试甲', { nickname: '索引测试甲' }));
  const first = await fileAs(me);
  const second = await fileAs(me);
  await fileAs(b);
  let list: any;
  const queries = await requestQueries(async () => (list = await me.call('GET', '/api/requests')));
  expect(list.body.items.map((i: any) => i.id)).toEqual([second.request.id, first.request.id]);
  expect(queries.length).toBe(2);
  expect(onlyById(queries)).toBe(true);
});

it('a citizen who has filed nothing yet gets an empty list, also on the second call (once answered 500)', async () => {
  const newcomer = client(t, await upsertCitizen('dev', '索引测试新人', { nickname: '索引测试新人' }));
  for (let call = 0; call < 2; call++) {
    const list = await newcomer.call('GET', '/api/requests');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  }
  // And the first filing after that is listed.
  const filed = await fileAs(newcomer);
  expect((await newcomer.call('GET', '/api/requests')).body.items.map((i: any) => i.id)).toEqual([filed.request.id]);
});

it('requests stored without the list (bulk import, demo data) are found once by a scan, then by _id', async () => {
  const filed = await fileAs(a);
  const raw = (await RequestModel.findById(filed.request.id).lean())!;
  // A request of a new citizen inserted straight into the collection, as a bulk import does.
  await RequestModel.collection.insertOne({ ...raw, _id: 'imported-0001' as never, number: 'PWZF-2019-000777', citizenId: 'cIndexC00001', idempotencyKey: 'import-1', queryCodeHash: raw.queryCodeHash });
  const c = client(t, citizen('cIndexC00001'));
  expect((await c.call('GET', '/api/requests')).body.items.map((i: any) => i.id)).toEqual(['imported-0001']);
  const later = await fileAs(c);
  let list: any;
  const queries = await requestQueries(async () => (list = await c.call('GET', '/api/requests')));
  expect(list.body.items.map((i: any) => i.id).sort()).toEqual(['imported-0001', later.request.id].sort());
  expect(onlyById(queries)).toBe(true);
});

it('the public lookup finds filed and imported requests by number, by _id; orphans and wrong codes are the same 404', async () => {
  const filed = await fileAs(b);
  let res: Response | undefined;
  const queries = await requestQueries(async () => (res = await t.api(`/api/lookup?number=${filed.number.toLowerCase()}&code=${filed.queryCode}`)));
  expect(res!.status).toBe(200);
  expect(onlyById(queries)).toBe(true);

  // Imported without a number document: found by one scan, then by _id.
  const imported = await t.api(`/api/lookup?number=PWZF-2019-000777&code=${queryCodeFor(filed.request.id)}`);
  expect(imported.status).toBe(404); // the code of another request
  const raw = (await RequestModel.findById('imported-0001').lean())!;
  expect(raw.number).toBe('PWZF-2019-000777');
  await RequestModel.updateOne({ _id: 'imported-0001' }, { $set: { queryCodeHash: (await RequestModel.findById(filed.request.id).lean())!.queryCodeHash } });
  expect((await t.api(`/api/lookup?number=PWZF-2019-000777&code=${filed.queryCode}`)).status).toBe(200);
  const again = await requestQueries(() => t.api(`/api/lookup?number=PWZF-2019-000777&code=${filed.queryCode}`));
  expect(onlyById(again)).toBe(true);

  // A number claimed by a filing whose insert never happened names no request.
  await mongoose.connection.db!.collection<{ _id: string; requestId: string }>('requestnumbers').insertOne({ _id: 'PWZF-2026-999999', requestId: filed.request.id });
  const orphan = await t.api(`/api/lookup?number=PWZF-2026-999999&code=${filed.queryCode}`);
  expect(orphan.status).toBe(404);
  expect(((await orphan.json()) as any).error.code).toBe('LOOKUP_NOT_FOUND');
});

it('numbers another instance took while this one lost the increment are skipped, and never handed out again', async () => {
  const first = await fileAs(a);
  const [prefix, seq] = [first.number.slice(0, -7), Number(first.number.slice(-6))];
  const at = (n: number) => `${prefix}-${String(n).padStart(6, '0')}`;
  // Another instance drew the next eight numbers from the same counter value and claimed them: on the
  // embedded database its increments can be lost, so our counter still stands at `seq`.
  const numbers = mongoose.connection.db!.collection<{ _id: string; requestId: string }>('requestnumbers');
  await numbers.insertMany(Array.from({ length: 8 }, (_, i) => ({ _id: at(seq + 1 + i), requestId: `other-instance-${i}` })));

  const next = await fileAs(a);
  expect(next.number).toBe(at(seq + 9));
  expect((await fileAs(b)).number).toBe(at(seq + 10));
});
