// The notifier's own retry job (`notify.request`) tells the change it was created for, as stored —
// not the effects it was given, replayed against whatever the request has become by the time it
// runs. Real server, database, job runner and WeChat simulator; the fault is real too: another
// process holds the version step of the citizen's inbox document (a claim in `versionclaims`, as a
// killed instance leaves one), so the notice's write fails and the whole call goes to the retry job.
//
// Story: received → start_consultation with a third party (its notices fail: retry job stored,
// its reminder `consultation_reply_due` never scheduled) → end_consultation (cancels that reminder)
// → start_consultation with another body (wants no such reminder) → only then the retry job runs.
// Before the replay the job brought the cancelled reminder back and named the newest
// start_consultation (index 4) instead of its own (index 2), so the citizen never heard of it.
import { randomBytes } from 'node:crypto';
import { Job, JobArchive } from '../../../server/src/jobs';
import { Citizen } from '../../../server/src/models/citizen';
import { Inbox, readInbox } from '../../../server/src/notifications';
import { VersionClaim } from '../../../server/src/notifications/versioned';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../../simulators';
import { startTestServer, type TestServer } from '../../support/server';
import { act, citizen, client, fileAs, seedWorld, staffActors } from '../requests/support';
import { until } from './fixtures';

const STATUS_TEMPLATE = 'sim-tmpl-request-progress';

let t: TestServer;
let sim: WechatSimulator;

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  t = await startTestServer({
    ...wechatSimulatorEnv(sim.url),
    WECHAT_TEMPLATE_STATUS: STATUS_TEMPLATE,
    // The runner is started by the test once the later events are stored, so the retry job
    // provably runs after them; the guards stay out of the way (they replay correctly already).
    JOBS_ENABLED: '0',
    JOBS_POLL_MS: '30',
    JOBS_RETRY_MS: '100',
    NOTIFY_GUARD_DELAY_MS: '600000',
    MEDIA_WORKER_ENABLED: '0',
  });
  await seedWorld();
});
afterAll(async () => {
  await t.server.background.jobRunner.stop();
  await t.close();
  await sim.close();
});

it('a failed notice retried after later events: the cancelled reminder stays cancelled and the notice names its own event', async () => {
  const citizenId = `cRetry${randomBytes(3).toString('hex')}`;
  const openid = `oSim-retry-${citizenId}`;
  await Citizen.updateOne({ _id: citizenId }, { $set: { channel: 'wechat', openid, savedIdentities: [], consents: {} } }, { upsert: true });
  const me = client(t, citizen(citizenId));
  const clerk = client(t, staffActors.clerk!);
  const { request } = await fileAs(me);
  const id: string = request.id;
  expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);
  // One grant for each of the three events below.
  for (let i = 0; i < 3; i++) expect((await me.call('POST', '/api/notifications/consent', { templateKey: 'status', accepted: true })).status).toBe(200);

  // Another process holds the next version step of the citizen's inbox (until we remove it).
  const inbox = (await Inbox.findById(`citizen:${citizenId}`).lean())!;
  const held = `${Inbox.modelName}:citizen:${citizenId}:${inbox.version}`;
  await VersionClaim.create({ _id: held, at: new Date(Date.now() + 3_600_000) });
  expect((await act(clerk, id, { type: 'start_consultation', party: 'third_party', with: '四川某建设工程有限公司' })).status).toBe(200);
  const retry = (await Job.findById(`notify:${id}:3`).lean())!;
  expect(retry).toMatchObject({ kind: 'notify.request', status: 'pending', payload: { requestId: id, firstNewIndex: 2, to: 3 } });
  await VersionClaim.deleteOne({ _id: held });

  // Later events, told normally, before the retry runs.
  expect((await act(clerk, id, { type: 'end_consultation', reply: 'agreed' })).status).toBe(200);
  expect((await act(clerk, id, { type: 'start_consultation', party: 'other_body', with: '平武县自然资源局' })).status).toBe(200);
  expect(await JobArchive.exists({ _id: `notify:${id}:3` })).toBeNull();

  t.server.background.jobRunner.start();
  const done = await until(async () => JobArchive.findById(`notify:${id}:3`).lean(), 20_000, 'the retry job');
  expect(done).toMatchObject({ status: 'done', result: { retold: 'told', from: 2, to: 3 } });

  // The third party's reply reminder: wanted by event 2, cancelled by event 3 — not back.
  const reminders = await t.server.background.jobs.active({ group: `reminders:${id}` });
  expect(reminders.map((r) => r.id).filter((r) => r.includes(':consultation_reply_due:'))).toEqual([]);
  // Neither reply reminder either: the second consultation paused the clock.
  expect(reminders.filter((r) => /:reply_(due_soon|overdue):/.test(r.id))).toEqual([]);

  // The retried notice is event 2's (the third party), and event 4's is still its own.
  const items = (await readInbox({ kind: 'citizen', id: citizenId })).items.filter((n) => n.requestId === id);
  const started = items.filter((n) => n.kind === 'consultation_started').sort((a, b) => a.id.localeCompare(b.id));
  expect(started.map((n) => n.id)).toEqual([`${id}:2:citizen:${citizenId}`, `${id}:4:citizen:${citizenId}`]);
  expect(started[0]!.body).toContain('第三方');
  expect(started[1]!.body).toContain('其他机关');

  // One subscribe message per event — event 2's sent by the retry, none twice.
  const sends = [2, 3, 4].map((i) => `wechat:${id}:${i}:citizen:${citizenId}`);
  for (const send of sends) expect(await until(async () => JobArchive.findById(send).lean(), 10_000, send)).toMatchObject({ status: 'done' });
  expect(sim.state.subscribeMessages.filter((m) => m.touser === openid)).toHaveLength(3);
}, 60_000);
