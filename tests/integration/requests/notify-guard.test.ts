// Notification guards (server/src/commands/requests/notify-guard.ts) with the real server and
// database, in one process (the kill drills are in tests/drills/notify-guard.test.ts):
// - a write that loses to another instance's (version conflict) tells nothing of itself: its
//   guard finds the other instance's event at that place and tells that one — only what is stored;
// - what a guard costs a normal action in job-store operations (it is discarded, never archived).
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { defaultCalendar, fold, legalDateOf, transition, type Calendar } from '@zwgk/shared';
import { staffAct } from '../../../server/src/commands/requests/act';
import { requestsDeps } from '../../../server/src/commands/requests/deps';
import { Job, JobArchive } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { RequestModel, type RequestRecord } from '../../../server/src/models/request';
import { readInbox } from '../../../server/src/notifications';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, fileAs, seedWorld, staffActors } from './support';

let t: TestServer;
const clerk = () => client(t, staffActors.clerk!);

beforeAll(async () => {
  t = await startTestServer({ NOTIFY_GUARD_DELAY_MS: '300', JOBS_POLL_MS: '50', JOBS_RETRY_MS: '100', MEDIA_WORKER_ENABLED: '0' });
  await seedWorld();
});
afterAll(() => t.close());

const guardIds = (requestId: string) => new RegExp(`^notify-guard:${requestId}:`);

async function guardsSettled(requestId: string) {
  for (const deadline = Date.now() + 15_000; (await Job.countDocuments({ _id: guardIds(requestId) })) > 0; ) {
    if (Date.now() > deadline) throw new Error('guards still active');
    await new Promise((r) => setTimeout(r, 50));
  }
  return JobArchive.find({ _id: guardIds(requestId) }).lean();
}

async function receivedRequest(citizenId: string): Promise<RequestRecord> {
  const { request } = await fileAs(client(t, citizen(citizenId)));
  expect((await act(clerk(), request.id, { type: 'confirm_receipt' })).status).toBe(200);
  return (await RequestModel.findById(request.id).lean<RequestRecord>())!;
}

it("a write that lost to another instance's action tells nothing of itself; its guard tells only what is stored", async () => {
  const citizenId = `cGuard${randomBytes(3).toString('hex')}`;
  const before = await receivedRequest(citizenId);
  let calls = 0;
  // "Instance A": its calendar lookup — after the command read the request, before it writes —
  // lets "instance B" store the citizen's withdrawal (B's commitChange: one conditional update).
  const deps = requestsDeps({
    config: t.config,
    logger: silentLogger,
    notifier: t.server.background.notifier,
    jobs: t.server.background.jobs,
    calendar: async (): Promise<Calendar> => {
      if (++calls === 1) {
        const doc = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
        const r = transition(fold(doc.events), { type: 'withdraw', at: new Date().toISOString(), on: legalDateOf(new Date()), actor: { role: 'citizen', id: citizenId }, reason: '不再需要' }, { calendar: defaultCalendar, requiresReview: true });
        if (!r.ok) throw new Error(r.reason);
        await RequestModel.updateOne({ _id: doc._id, version: doc.version }, { $push: { events: r.event }, $set: { version: doc.version + 1, state: r.state.phase } });
      }
      return defaultCalendar;
    },
  });
  const dueOn = defaultCalendar.addWorkingDays(legalDateOf(new Date()), 15);
  await expect(staffAct(deps, staffActors.clerk!, before._id, { type: 'request_correction', items: ['请写明文号'], dueOn, version: 2 })).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });

  const guards = await guardsSettled(before._id);
  const after = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
  expect(after.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt', 'withdraw']);
  // A's guard (same version, same event index) found B's withdrawal there and told it.
  expect(guards.filter((g) => String(g._id).startsWith(`notify-guard:${before._id}:${before.version + 1}:e:2`)).map((g) => g.result)).toEqual([{ told: 'events', from: 2, count: 1 }]);
  const kinds = (await readInbox({ kind: 'citizen', id: citizenId })).items.filter((n) => n.requestId === before._id).map((n) => n.kind);
  expect(kinds.sort()).toEqual(['received', 'submitted', 'withdrawn']);
  expect(kinds).not.toContain('correction_requested');
  expect(await Job.countDocuments({ _id: new RegExp(`^reminder:${before._id}:correction_overdue`) })).toBe(0);
  expect(await JobArchive.countDocuments({ _id: new RegExp(`^reminder:${before._id}:correction_overdue`) })).toBe(0);
});

it('cost of a guarded action: the guard is stored and discarded — two inserts, two deletes, nothing archived', async () => {
  const { request } = await fileAs(client(t, citizen(`cGuard${randomBytes(3).toString('hex')}`)));
  await guardsSettled(request.id);
  const ops: Array<[string, string]> = [];
  mongoose.set('debug', (collection: string, method: string) => void ops.push([collection, method]));
  try {
    expect((await act(clerk(), request.id, { type: 'confirm_receipt' })).status).toBe(200);
  } finally {
    mongoose.set('debug', false);
  }
  const jobOps = ops.filter(([c]) => ['jobs', 'jobclaims', 'jobarchive'].includes(c));
  const count = (pred: (m: string) => boolean) => jobOps.filter(([, m]) => pred(m)).length;
  const writes = count((m) => /insert|update|delete|create|save|findOneAndUpdate/i.test(m));
  // The reminders confirm_receipt schedules are job inserts too: count the guard's part only.
  const reminderInserts = 3;
  console.log(`job-store operations of one confirm_receipt: ${JSON.stringify(jobOps)}`);
  expect(writes - reminderInserts).toBe(4); // guard insert; discard: claim insert, job delete, claims delete
  expect(jobOps.filter(([c, m]) => c === 'jobarchive' && /insert|update/i.test(m))).toEqual([]);
  expect(await Job.countDocuments({ _id: guardIds(request.id) })).toBe(0);
  expect(await JobArchive.countDocuments({ _id: guardIds(request.id) })).toBe(0);
});
