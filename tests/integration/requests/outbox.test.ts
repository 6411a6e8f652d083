// The request outbox (server/src/requests/commands/outbox.ts) with the real server and database,
// in one process (the kill drills are in tests/drills/outbox.test.ts): a write that loses to
// another instance's (version conflict) stores nothing and owes nothing; the other instance's
// change, stored with its entry and left unperformed (that instance died), is told by the sweep —
// only what is stored.
import { randomBytes } from 'node:crypto';
import { defaultCalendar, fold, legalDateOf, transition, type Calendar } from '@zwgk/shared';
import { staffAct } from '../../../server/src/requests/commands/act';
import { requestsDeps } from '../../../server/src/requests/commands/deps';
import { eventsEntry } from '../../../server/src/requests/commands/outbox';
import { Job, JobArchive } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { readInbox } from '../../../server/src/notifications';
import { startTestServer, type TestServer } from '../../support/server';
import { until } from '../../support/wait';
import { act, citizen, client, fileAs, seedWorld, staffActors } from './support';

let t: TestServer;
const clerk = () => client(t, staffActors.clerk!);

beforeAll(async () => {
  t = await startTestServer({ OUTBOX_SWEEP_MS: '300', JOBS_POLL_MS: '50', JOBS_RETRY_MS: '100', MEDIA_WORKER_ENABLED: '0' });
  await seedWorld();
});
afterAll(() => t.close());

const owed = async (id: string) => ((await RequestModel.findById(id).lean<RequestRecord>())!.outbox ?? []).map((e) => e.split('@')[0]);

async function receivedRequest(citizenId: string): Promise<RequestRecord> {
  const { request } = await fileAs(client(t, citizen(citizenId)));
  expect((await act(clerk(), request.id, { type: 'confirm_receipt' })).status).toBe(200);
  return (await RequestModel.findById(request.id).lean<RequestRecord>())!;
}

it("a write that lost to another instance's action owes nothing; the other's change is told by the sweep", async () => {
  const citizenId = `cGuard${randomBytes(3).toString('hex')}`;
  const before = await receivedRequest(citizenId);
  let calls = 0;
  // "Instance A": its calendar lookup — after the command read the request, before it writes —
  // lets "instance B" store the citizen's withdrawal with what it owes (B's commitChange: one
  // conditional update), and B dies before performing it.
  const deps = requestsDeps({
    config: t.config,
    logger: silentLogger,
    followUps: t.server.background.followUps,
    calendar: async (): Promise<Calendar> => {
      if (++calls === 1) {
        const doc = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
        const r = transition(fold(doc.events), { type: 'withdraw', at: new Date().toISOString(), on: legalDateOf(new Date()), actor: { role: 'citizen', id: citizenId }, reason: '不再需要' }, { calendar: defaultCalendar, requiresReview: true });
        if (!r.ok) throw new Error(r.reason);
        const entry = eventsEntry(doc.events.length, 1, new Date(Date.now() - 1000));
        await RequestModel.updateOne({ _id: doc._id, version: doc.version }, { $push: { events: r.event, outbox: entry }, $set: { version: doc.version + 1, state: r.state.phase } });
      }
      return defaultCalendar;
    },
  });
  const dueOn = defaultCalendar.addWorkingDays(legalDateOf(new Date()), 15);
  await expect(staffAct(deps, staffActors.clerk!, before._id, { type: 'request_correction', items: ['请写明文号'], dueOn, version: 2 })).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });

  // B's entry only: A's lost write owes nothing.
  expect(await owed(before._id)).toEqual(['e:2:1']);
  await until(async () => (await owed(before._id)).length === 0, 15_000);
  const after = (await RequestModel.findById(before._id).lean<RequestRecord>())!;
  expect(after.events.map((e) => e.type)).toEqual(['submit', 'confirm_receipt', 'withdraw']);
  const kinds = (await readInbox({ kind: 'citizen', id: citizenId })).items.filter((n) => n.requestId === before._id).map((n) => n.kind);
  expect(kinds.sort()).toEqual(['received', 'submitted', 'withdrawn']);
  expect(kinds).not.toContain('correction_requested');
  expect(await Job.countDocuments({ _id: new RegExp(`^reminder:${before._id}:correction_overdue`) })).toBe(0);
  expect(await JobArchive.countDocuments({ _id: new RegExp(`^reminder:${before._id}:correction_overdue`) })).toBe(0);
});
