// Several instances writing one request (issue 10 §4). Inside one process the per-request lock
// orders writes; across instances only the `{_id, version}` condition does. Here "instance B"
// writes between instance A's read and A's conditional write (the hook runs inside A's command,
// after it loaded the request), as happens when two instances serve the same request:
//   - B posted a message → A's action is decided again on the fresh document and succeeds, and
//     B's message is kept (a message does not make an action stale);
//   - B fired a lifecycle action → A's action (made on the version it read) is a 409, nothing is
//     overwritten;
//   - A's message loses to B's write → written again, both kept.
import { randomBytes } from 'node:crypto';
import { defaultCalendar, fold, transition, type Calendar } from '@zwgk/shared';
import { staffAct } from '../../../server/src/requests/commands/act';
import { requestsDeps, type RequestsDeps } from '../../../server/src/requests/commands/deps';
import { postMessage } from '../../../server/src/requests/commands/messages';
import { silentLogger } from '../../../server/src/log';
import { lifecycleVersion, RequestModel, type RequestRecord, type StoredMessage } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, fileAs, seedWorld, staffActors } from '../requests/support';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ JOBS_ENABLED: '0', MEDIA_WORKER_ENABLED: '0' });
  await seedWorld();
});
afterAll(() => t.close());

/** Deps of "instance A" whose calendar lookup — after the command read the request — lets "instance B" write once. */
function depsWithInterleavedWrite(otherInstance: () => Promise<void>): RequestsDeps & { interleaved: () => number } {
  let calls = 0;
  const deps = requestsDeps({
    config: t.config,
    logger: silentLogger,
    calendar: async (): Promise<Calendar> => {
      if (++calls === 1) await otherInstance();
      return defaultCalendar;
    },
  });
  return Object.assign(deps, { interleaved: () => calls });
}

/** What another instance's commitChange does for a message: one conditional update bumping the version. */
async function messageFromOtherInstance(id: string, text: string): Promise<StoredMessage> {
  const doc = await RequestModel.findById(id).lean<RequestRecord>();
  const message: StoredMessage = { id: randomBytes(8).toString('hex'), at: new Date(), author: { kind: 'citizen', id: doc!.citizenId!, name: '申请人' }, text, attachmentIds: [] };
  const res = await RequestModel.updateOne({ _id: id, version: doc!.version }, { $push: { messages: message }, $set: { version: doc!.version + 1 } });
  expect(res.matchedCount).toBe(1);
  return message;
}

async function fileOne(): Promise<RequestRecord> {
  const filed = await fileAs(client(t, citizen(`cConc${randomBytes(3).toString('hex')}`)));
  return (await RequestModel.findById(filed.request.id).lean<RequestRecord>())!;
}

it("a message written by another instance between A's read and A's write: A's action is decided again and both are kept", async () => {
  const before = await fileOne();
  let other: StoredMessage | undefined;
  const deps = depsWithInterleavedWrite(async () => void (other = await messageFromOtherInstance(before._id, '另一台实例上的留言')));
  const result = await staffAct(deps, staffActors.clerk!, before._id, { type: 'confirm_receipt', version: lifecycleVersion(before) });
  expect(deps.interleaved()).toBe(2); // decided twice: once on the old document, once on the fresh one
  const after = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
  expect(after.version).toBe(before.version + 2);
  expect(after.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt']);
  expect(after.messages.map((m) => m.id)).toEqual([other!.id]);
  expect(result.request.state).toBe('received');
});

it('a lifecycle action by another instance in between: A gets 409 and nothing is overwritten', async () => {
  const before = await fileOne();
  const deps = depsWithInterleavedWrite(async () => {
    // Instance B confirms receipt first (the same update its commitChange makes).
    const doc = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
    const r = transition(fold(doc.events), { type: 'confirm_receipt', at: new Date().toISOString(), on: doc.events[0]!.on, actor: { role: 'clerk', id: 's-clerk' } }, { calendar: defaultCalendar, requiresReview: true });
    if (!r.ok) throw new Error(r.reason);
    await RequestModel.updateOne({ _id: doc._id, version: doc.version }, { $push: { events: r.event }, $set: { version: doc.version + 1, state: r.state.phase } });
  });
  await expect(staffAct(deps, staffActors.clerk!, before._id, { type: 'confirm_receipt', version: lifecycleVersion(before) })).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
  const after = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
  expect(after.events.map((e) => [e.type, e.actor.id])).toEqual([
    ['submit', expect.any(String)],
    ['confirm_receipt', 's-clerk'],
  ]);
  expect(after.version).toBe(before.version + 1);
});

it("a message losing to another instance's write is written again; both messages are kept", async () => {
  const before = await fileOne();
  let other: StoredMessage | undefined;
  const deps = depsWithInterleavedWrite(async () => void (other = await messageFromOtherInstance(before._id, '同时发出的另一条留言')));
  const { message } = await postMessage(deps, {
    requestId: before._id,
    author: { kind: 'staff', id: 's-clerk', name: '李受理' },
    mayAccess: () => true,
    text: '您好，请补充身份证明。',
  });
  const after = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
  expect(after.messages.map((m) => m.id)).toEqual([other!.id, message.id]);
  expect(after.version).toBe(before.version + 2);
});
