// What the kill drills found: a filing stored just before the process died had never been
// announced (the notices come after the insert), and the client's retry found the stored request
// and answered it without telling anyone — the office's clerk never heard of it. The sweep of the
// request's outbox would tell them within a period; the retry tells them at once. Here the cut is
// made deterministic: the filing is stored with what it owes still owed and its notices wiped (as
// if the process died right after the insert), and the retry with the same Idempotency-Key must
// tell the clerk and the applicant — once, however many retries — and never again once staff have
// acted on the request.
import mongoose from 'mongoose';
import { eventsEntry } from '../../server/src/requests/commands/outbox';
import { startTestServer, type TestServer } from '../support/server';
import { act, citizen, client, filing, newKey, seedWorld, staffActors, type Client } from '../integration/requests/support';

let t: TestServer;
let owner: Client;
let clerk: Client;
beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_FILING: 'off' });
  await seedWorld();
  owner = client(t, citizen('cRetell0001'));
  clerk = client(t, staffActors.clerk!);
});
afterAll(() => t.close());

const inboxes = () => mongoose.connection.db!.collection<{ _id: string; items: Array<{ id: string; requestId: string; kind: string }> }>('notificationinboxes');
const requests = () => mongoose.connection.db!.collection<{ _id: string }>('requests');
const noticesOf = async (inbox: string, requestId: string) => ((await inboxes().findOne({ _id: inbox }))?.items ?? []).filter((i) => i.requestId === requestId).map((i) => i.kind);

it('a retry of a stored but unannounced filing announces it, once', async () => {
  const key = newKey();
  const first = await owner.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect(first.status).toBe(201);
  const id: string = first.body.request.id;
  expect(await noticesOf('staff:s-clerk', id)).toEqual(['new_submission']);

  // The process "died" after the insert: what the filing owes is still owed, nothing was announced.
  const at = new Date();
  await requests().updateOne({ _id: id }, { $set: { outbox: [eventsEntry(0, 1, at)] } });
  await inboxes().deleteMany({ _id: { $in: ['staff:s-clerk', 'citizen:cRetell0001'] } });
  expect(await noticesOf('staff:s-clerk', id)).toEqual([]);

  for (let i = 0; i < 3; i++) {
    const retry = await owner.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
    expect([retry.status, retry.body.number]).toEqual([200, first.body.number]);
  }
  expect(await noticesOf('staff:s-clerk', id)).toEqual(['new_submission']);
  expect(await noticesOf('citizen:cRetell0001', id)).toHaveLength(1);
  expect(await requests().findOne({ _id: id })).toMatchObject({ outbox: [] });

  // Once staff acted on it, a late retry tells nobody anything again.
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  const before = (await inboxes().findOne({ _id: 'staff:s-clerk' }))!.items.length;
  await inboxes().deleteOne({ _id: 'citizen:cRetell0001' });
  expect((await owner.call('POST', '/api/requests', filing(), { 'idempotency-key': key })).status).toBe(200);
  expect((await inboxes().findOne({ _id: 'staff:s-clerk' }))!.items.length).toBe(before);
  expect(await noticesOf('citizen:cRetell0001', id)).toEqual([]);
});
