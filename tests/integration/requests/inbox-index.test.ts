// The staff inbox reads its body's lookup document by `_id` and re-reads only the requests that
// changed since this process last looked (storage/body-index.ts, inbox-cache.ts); on the
// embedded FerretDB a filter on `bodyId` decoded every stored request on every call (bench/).
// Proven here through the real server and database:
// - requests stored before the documents existed (straight into the collection) are found by one
//   scan, after which the inbox sends only `_id` filters to the requests collection;
// - a change through every writer (filing, staff registration, lifecycle action, message both
//   ways, withdrawal, staff read marker, demo seed) shows in the very next call — each call
//   follows one that filled the cache, so a stale cache would fail;
// - a write that failed after it was announced (the version named but never stored; a filing
//   that never happened) costs a re-read, not a wrong or broken inbox.
import { randomBytes } from 'node:crypto';
import { announceRequest } from '../../../server/src/storage/body-index';
import { forgetInboxCache } from '../../../server/src/requests/commands/inbox-cache';
import { seedRequests, demoRequests } from '../../../server/src/demo/requests';
import { BodyRequests, BUILT_MARKER } from '../../../server/src/models/bodyRequests';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, EDUCATION, filing, fileAs, newKey, OFFICE, seedWorld, staffActors, type Client } from './support';
import { requestQueries } from '../../support/queries';

let t: TestServer;
let clerk: Client;
beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_FILING: 'off', JOBS_ENABLED: '0', MEDIA_WORKER_ENABLED: '0' });
  await seedWorld();
  clerk = client(t, staffActors.clerk!);
});
afterAll(() => t.close());

type Item = { id: string; phase: string; unread: boolean; lastActivityAt: string };
const inbox = async (c: Client = clerk, query = ''): Promise<{ items: Item[]; total: number; counts: any }> => {
  const res = await c.call('GET', `/api/staff/requests${query}`);
  if (res.status !== 200) throw new Error(`inbox: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const itemOf = async (id: string, c: Client = clerk) => (await inbox(c)).items.find((i) => i.id === id);

/** A copy of a stored request under a new id, written straight into the collection (as a bulk import or older data). */
async function storeStraight(from: RequestRecord, id: string): Promise<void> {
  await RequestModel.collection.insertOne({ ...from, _id: id as never, number: `PWZF-2019-${randomBytes(3).toString('hex')}`, idempotencyKey: `import-${id}`, citizenId: null });
}

it('the demo seed keeps the documents: its requests appear without a scan', async () => {
  await inbox(); // the (empty) database is indexed: from now on only writers keep the documents
  expect(await BodyRequests.exists({ _id: BUILT_MARKER })).toBeTruthy();
  await seedRequests();
  const demo = demoRequests().filter((d) => d.bodyId === OFFICE);
  expect(demo.length).toBeGreaterThan(0);
  const ids = (await inbox()).items.map((i) => i.id);
  for (const d of demo) expect(ids).toContain(d._id);
});

it('requests stored without lookup documents are found by one scan; then the inbox reads requests by _id only', async () => {
  const filed = await fileAs(client(t, citizen('cInboxIdx0001')));
  const raw = (await RequestModel.findById(filed.request.id).lean<RequestRecord>())!;
  // Data from before the documents existed: no body document, no marker, and a request stored straight.
  await BodyRequests.deleteMany({});
  forgetInboxCache();
  await storeStraight(raw, 'older-data-0001');

  const scanning = await requestQueries(async () => expect((await inbox()).items.map((i) => i.id)).toEqual(expect.arrayContaining(['older-data-0001', filed.request.id])));
  expect(scanning.some((q) => Object.keys(q as object).length === 0)).toBe(true); // the one scan
  expect(await BodyRequests.exists({ _id: BUILT_MARKER })).toBeTruthy();

  // Built: nothing changed → no read of any request at all; one change → one read of it, by _id.
  expect(await requestQueries(() => inbox())).toEqual([]);
  await clerk.call('POST', `/api/staff/requests/${filed.request.id}/messages`, { text: '已收到。' });
  const after = await requestQueries(() => inbox());
  expect(after).toEqual([{ _id: filed.request.id }]);
});

it('every writer shows in the next call (each call follows one that filled the cache)', async () => {
  const applicant = client(t, citizen('cInboxIdx0002'));
  const handler = client(t, staffActors.handler!);
  await inbox(); // cache filled

  // Citizen filing.
  const filed = await fileAs(applicant);
  const id = filed.request.id as string;
  expect(await itemOf(id)).toMatchObject({ phase: 'submitted', unread: true });

  // Staff read marker (no version bump, still changes "unread").
  expect((await clerk.call('POST', `/api/staff/requests/${id}/read`)).status).toBe(204);
  expect(await itemOf(id)).toMatchObject({ unread: false });

  // Lifecycle action (commitChange).
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  expect(await itemOf(id)).toMatchObject({ phase: 'received' });
  expect((await act(clerk, id, { type: 'assign', assigneeId: 's-handler' })).status).toBe(200);
  expect((await inbox(handler, '?assignedToMe=true')).items.map((i) => i.id)).toEqual([id]);

  // The citizen's message makes it unread for staff; staff's reply is new activity.
  const before = (await itemOf(id))!.lastActivityAt;
  expect((await applicant.call('POST', `/api/requests/${id}/messages`, { text: '请问进度如何？' })).status).toBe(201);
  const afterMessage = (await itemOf(id))!;
  expect(afterMessage.unread).toBe(true);
  expect(afterMessage.lastActivityAt > before).toBe(true);
  expect((await clerk.call('POST', `/api/staff/requests/${id}/read`)).status).toBe(204);
  expect((await itemOf(id))!.unread).toBe(false);

  // The citizen withdraws (the citizen's lifecycle action).
  expect((await applicant.call('POST', `/api/requests/${id}/withdraw`, { reason: '不再需要' })).status).toBe(200);
  expect((await itemOf(id))!.phase).toBe('withdrawn');

  // Staff registration of a paper request.
  const registered = await clerk.call('POST', '/api/staff/requests', { ...filing(), channel: 'letter', receivedOn: new Date().toISOString().slice(0, 10) }, { 'idempotency-key': newKey() });
  expect(registered.status).toBe(201);
  expect(await itemOf(registered.body.request.id)).toMatchObject({ phase: 'received', unread: false });

  // Another body's inbox and the county-wide admin's follow their own documents.
  const edu = client(t, staffActors.eduClerk!);
  await inbox(edu);
  const eduFiled = await fileAs(applicant, { bodyId: EDUCATION });
  expect((await inbox(edu)).items.map((i) => i.id)).toContain(eduFiled.request.id);
  expect((await inbox()).items.map((i) => i.id)).not.toContain(eduFiled.request.id);
  const county = client(t, staffActors.countyAdmin!);
  expect((await inbox(county)).items.map((i) => i.id)).toEqual(expect.arrayContaining([id, eduFiled.request.id]));
  expect((await inbox(county, `?bodyId=${EDUCATION}`)).items.map((i) => i.id)).not.toContain(id);
});

it('a write that failed after it was announced: the inbox shows what is stored, and the next real change', async () => {
  const filed = await fileAs(client(t, citizen('cInboxIdx0003')));
  const id = filed.request.id as string;
  expect(await itemOf(id)).toMatchObject({ phase: 'submitted' });
  // Announced, never written: version 1 of this request, and a filing that never happened.
  await announceRequest(OFFICE, { id, version: 1 });
  await announceRequest(OFFICE, { id: 'never-stored-0001', version: 0 });
  const shown = await inbox();
  expect(shown.items.find((i) => i.id === id)).toMatchObject({ phase: 'submitted' });
  expect(shown.items.map((i) => i.id)).not.toContain('never-stored-0001');
  // Each call re-reads the announced-but-different request (and the missing one), by _id.
  const queries = await requestQueries(() => inbox());
  expect(queries).toEqual(expect.arrayContaining([{ _id: id }, { _id: 'never-stored-0001' }]));
  // The real change (which writes version 1) is shown.
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  expect(await itemOf(id)).toMatchObject({ phase: 'received' });
});

it('a request changed on another instance (its announcement and write, no local write) is re-read', async () => {
  const filed = await fileAs(client(t, citizen('cInboxIdx0004')));
  const id = filed.request.id as string;
  expect(await itemOf(id)).toMatchObject({ unread: true });
  // What another instance's POST …/read does: announce the marker, then write it.
  const at = new Date();
  await announceRequest(OFFICE, { id, read: at });
  await RequestModel.updateOne({ _id: id }, { $set: { 'readState.staff': at } });
  expect(await itemOf(id)).toMatchObject({ unread: false });
});

it('the database was dropped and refilled: the cache of the old document is not used', async () => {
  const filed = await fileAs(client(t, citizen('cInboxIdx0005')));
  const id = filed.request.id as string;
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  expect(await itemOf(id)).toMatchObject({ phase: 'received' }); // cached at version 1
  // Same id, same version, other content (a restore of other data): a new document epoch.
  const stored = (await RequestModel.findById(id).lean<RequestRecord>())!;
  await BodyRequests.deleteOne({ _id: OFFICE });
  await RequestModel.updateOne({ _id: id }, { $set: { events: stored.events.slice(0, 1), state: 'submitted' } });
  await announceRequest(OFFICE, { id, version: stored.version });
  expect(await itemOf(id)).toMatchObject({ phase: 'submitted' });
});
