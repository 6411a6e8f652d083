// A change whose follow-ups failed stays owed in the request's outbox (requests/commands/
// outbox.ts) and is told later as it was stored — not with the effects its writer computed, but
// replayed against whatever the request has become by then. Real server, database, job runner and
// WeChat simulator; the fault is real too: another process holds the version step of the
// citizen's inbox document (a claim in `versionclaims`, as a killed instance leaves one), so every
// notice to the citizen fails while it is held.
//
// Story: received → start_consultation with a third party while the citizen's inbox is held (its
// notices fail; it wants the reminder `consultation_reply_due`) → end_consultation (cancels it)
// → start_consultation with another body (wants no such reminder), both stored by an instance
// that died before performing them → only then the outbox's sweep runs. Replaying naively would
// bring the cancelled reminder back and name the newest start_consultation (index 4) for the
// first one (index 2).
import { randomBytes } from 'node:crypto';
import { defaultCalendar, fold, legalDateOf, transition } from '@zwgk/shared';
import { commitChange, eventAudience } from '../../../server/src/requests/commands/change';
import { JobArchive } from '../../../server/src/jobs';
import { Citizen } from '../../../server/src/models/citizen';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { Inbox, readInbox } from '../../../server/src/notifications';
import { VersionClaim } from '../../../server/src/storage/versioned';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../../simulators';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, fileAs, seedWorld, staffActors } from './support';
import { until } from '../notifications/fixtures';

const STATUS_TEMPLATE = 'sim-tmpl-request-progress';

let t: TestServer;
let sim: WechatSimulator;

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  t = await startTestServer({
    ...wechatSimulatorEnv(sim.url),
    WECHAT_TEMPLATE_STATUS: STATUS_TEMPLATE,
    // The runner is started by the test once the later events are stored, so the sweep provably
    // runs after them.
    JOBS_ENABLED: '0',
    JOBS_POLL_MS: '30',
    JOBS_RETRY_MS: '100',
    OUTBOX_SWEEP_MS: '300',
    MEDIA_WORKER_ENABLED: '0',
  });
  await seedWorld();
});
afterAll(async () => {
  await t.server.background.jobRunner.stop();
  await t.close();
  await sim.close();
});

/** Stores a clerk's step as the command does (one write, with what it owes), then "dies": nothing performed. */
async function storedByADeadInstance(id: string, input: Record<string, unknown>) {
  const doc = (await RequestModel.findById(id).lean<RequestRecord>())!;
  const now = new Date();
  const r = transition(fold(doc.events), { ...input, at: now.toISOString(), on: legalDateOf(now), actor: { role: 'clerk', id: staffActors.clerk!.staffId } }, { calendar: defaultCalendar, requiresReview: true });
  if (!r.ok) throw new Error(r.reason);
  await commitChange(doc, { event: r.event, state: r.state, notify: eventAudience(r.event) }, { calendar: defaultCalendar, today: legalDateOf(now), now });
}

const owed = async (id: string) => ((await RequestModel.findById(id).lean<RequestRecord>())!.outbox ?? []).map((e) => e.split('@')[0]);

it('failed notices told by the sweep after later events: the cancelled reminder stays cancelled and each notice names its own event', async () => {
  const citizenId = `cRetry${randomBytes(3).toString('hex')}`;
  const openid = `oSim-retry-${citizenId}`;
  await Citizen.updateOne({ _id: citizenId }, { $set: { channel: 'wechat', openid, savedIdentities: [], consents: {} } }, { upsert: true });
  const me = client(t, citizen(citizenId));
  const clerk = client(t, staffActors.clerk!);
  const { request } = await fileAs(me);
  const id: string = request.id;
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  expect(await owed(id)).toEqual([]);
  // One grant for each of the three events below.
  for (let i = 0; i < 3; i++) expect((await me.call('POST', '/api/notifications/consent', { templateKey: 'status', accepted: true })).status).toBe(200);

  // Another process holds the next version step of the citizen's inbox (until we remove it).
  const inbox = (await Inbox.findById(`citizen:${citizenId}`).lean())!;
  const held = `${Inbox.modelName}:citizen:${citizenId}:${inbox.version}`;
  await VersionClaim.create({ _id: held, at: new Date(Date.now() + 3_600_000) });
  expect((await act(clerk, id, { type: 'start_consultation', party: 'third_party', with: '四川某建设工程有限公司' })).status).toBe(200);
  expect(await owed(id)).toEqual(['e:2:1']);
  await VersionClaim.deleteOne({ _id: held });
  await storedByADeadInstance(id, { type: 'end_consultation', reply: 'agreed' });
  await storedByADeadInstance(id, { type: 'start_consultation', party: 'other_body', with: '平武县自然资源局' });
  // Stored, and owed: each write keeps the earlier entries.
  expect(await owed(id)).toEqual(['e:2:1', 'e:3:1', 'e:4:1']);

  t.server.background.jobRunner.start();
  await until(async () => (await owed(id)).length === 0, 20_000, 'the sweep');
  await until(async () => JobArchive.exists({ kind: 'requests.outbox', status: 'done' }), 10_000, 'the sweep recorded');

  // The third party's reply reminder: wanted by event 2, cancelled by event 3 — not back.
  const reminders = await t.server.background.jobs.active({ group: `reminders:${id}` });
  expect(reminders.map((r) => r.id).filter((r) => r.includes(':consultation_reply_due:'))).toEqual([]);
  // Neither reply reminder either: the second consultation paused the clock.
  expect(reminders.filter((r) => /:reply_(due_soon|overdue):/.test(r.id))).toEqual([]);

  // The notice of event 2 names the third party, event 4's the other body.
  const items = (await readInbox({ kind: 'citizen', id: citizenId })).items.filter((n) => n.requestId === id);
  const started = items.filter((n) => n.kind === 'consultation_started').sort((a, b) => a.id.localeCompare(b.id));
  expect(started.map((n) => n.id)).toEqual([`${id}:2:citizen:${citizenId}`, `${id}:4:citizen:${citizenId}`]);
  expect(started[0]!.body).toContain('第三方');
  expect(started[1]!.body).toContain('其他机关');

  // One subscribe message per event (recent events: a replay still sends), none twice.
  const sends = [2, 3, 4].map((i) => `wechat:${id}:${i}:citizen:${citizenId}`);
  for (const send of sends) expect(await until(async () => JobArchive.findById(send).lean(), 10_000, send)).toMatchObject({ status: 'done' });
  expect(sim.state.subscribeMessages.filter((m) => m.touser === openid)).toHaveLength(3);
}, 60_000);
