// Retention of background history declared per module (server/src/jobs/retention.ts and the
// owners' rules: notifications/retention.ts, requests/commands/retention.ts, media outbox). Real
// server, database, job runner and WeChat simulator; history is made by real jobs (a reminder
// fired, a subscribe message sent, the request outbox's sweep), then the registry prunes "40 days
// later" (its clock is an argument). Checked: every kind the runner handles has a declared
// retention; pruning removes what is past it and keeps a reminder of an open request, others'
// kinds and fresh claims; and nothing pruned comes back as a repeat — a replay of the concluded
// request's change 40 days on neither re-sends its subscribe message nor re-schedules a reminder,
// and a pruned reminder run anyway tells nobody again.
import { randomBytes } from 'node:crypto';
import { legalDateOf } from '@zwgk/shared';
import { requestsDeps } from '../../../server/src/requests/commands/deps';
import { eventsEntry, OUTBOX_SWEEP_KIND, performOwed } from '../../../server/src/requests/commands/outbox';
import { Job, JobArchive, JobClaim, RETENTION_JOB_KIND } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { Citizen } from '../../../server/src/models/citizen';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { availableConsent, createNotifier, readInbox, reminderJobId, scheduleReminder } from '../../../server/src/notifications';
import { VersionClaim } from '../../../server/src/storage/versioned';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../../simulators';
import { startTestServer, type TestServer } from '../../support/server';
import { until } from '../notifications/fixtures';
import { act, citizen, client, fileAs, seedWorld, staffActors } from '../requests/support';

const DAY_MS = 24 * 3_600_000;
let t: TestServer;
let sim: WechatSimulator;

beforeAll(async () => {
  sim = await startWechatSimulator({ anyOpenid: true });
  t = await startTestServer({
    ...wechatSimulatorEnv(sim.url),
    WECHAT_TEMPLATE_STATUS: 'sim-tmpl-request-progress',
    JOBS_POLL_MS: '30',
    JOBS_RETRY_MS: '100',
  });
  await seedWorld();
});
afterAll(async () => {
  await t.close();
  await sim.close();
});

const archived = (id: string) => until(async () => JobArchive.findById(id).lean(), 15_000, id);

it('every job kind the server runs has a declared retention, each pruned by someone', () => {
  const { retention, jobRunner } = t.server.background;
  const declared = retention.declaredKinds();
  expect(jobRunner.kinds.filter((k) => !declared.has(k))).toEqual([]);
  for (const rule of retention.list()) expect(Boolean(rule.prune) || Boolean(rule.by)).toBe(true);
  // The outbox prunes its own kinds (after marking abandoned deliveries failed).
  expect(retention.list().filter((r) => r.kinds?.includes('media.delivery')).map((r) => r.by)).toEqual(['media.prune']);
});

it('prunes what is past its retention, keeps what could still be scheduled again, and a pruned id causes no repeat', async () => {
  const { jobs, retention } = t.server.background;
  const clerk = client(t, staffActors.clerk!);
  const citizenId = `cKeep${randomBytes(3).toString('hex')}`;
  const openid = `oSim-keep-${citizenId}`;
  await Citizen.updateOne({ _id: citizenId }, { $set: { channel: 'wechat', openid, savedIdentities: [], consents: {} } }, { upsert: true });
  const me = client(t, citizen(citizenId));
  const open = (await fileAs(me)).request.id as string;
  const concluded = (await fileAs(me, {}, `k-${randomBytes(4).toString('hex')}`)).request.id as string;
  for (const id of [open, concluded]) expect((await act(clerk, id, { type: 'confirm_receipt' })).status).toBe(200);

  // A reminder of each fires (a date already past: due now) while both are open.
  const yesterday = legalDateOf(new Date(Date.now() - DAY_MS));
  const reminderOf = (id: string) => reminderJobId(id, 'reply_due_soon', yesterday);
  for (const id of [open, concluded]) expect(await scheduleReminder(jobs, id, 'reply_due_soon', yesterday)).toBe('scheduled');
  t.server.background.jobRunner.wake();
  for (const id of [open, concluded]) expect(await archived(reminderOf(id))).toMatchObject({ status: 'done', result: { notified: true } });

  // The concluded one: withdrawn by the clerk — a subscribe message (one grant).
  expect((await me.call('POST', '/api/notifications/consent', { templateKey: 'status', accepted: true })).status).toBe(200);
  expect((await act(clerk, concluded, { type: 'withdraw', reason: '申请人电话撤回' })).status).toBe(200);
  const send = `wechat:${concluded}:2:citizen:${citizenId}`;
  expect(await archived(send)).toMatchObject({ status: 'done' });
  // The request outbox's sweep ran (start-up schedules the current period's run).
  const sweep = String((await until(async () => JobArchive.findOne({ kind: OUTBOX_SWEEP_KIND }, { _id: 1 }).lean(), 15_000, 'an outbox sweep'))._id);
  expect(sim.state.subscribeMessages.filter((m) => m.touser === openid)).toHaveLength(1);

  // Claims left behind by failed clean-ups (old by then) and one being written (fresh by then).
  const later = new Date(Date.now() + 40 * DAY_MS);
  const stray = { at: new Date(), owner: 'gone' };
  const busy = { at: new Date(later.getTime() - 60_000), owner: 'busy' };
  await JobClaim.create([{ _id: `x:stray:0`, ...stray }, { _id: `x:busy:0`, ...busy }]);
  await VersionClaim.create([{ _id: 'Inbox:citizen:x:1', at: stray.at }, { _id: 'Inbox:citizen:x:2', at: busy.at }]);
  // The outbox's start-up runs (its own kinds, pruned by media.prune).
  const mediaEntries = await until(async () => {
    const found = await JobArchive.find({ kind: { $in: ['media.sweep', 'media.prune'] } }, { _id: 1 }).lean();
    return found.length > 0 && found;
  }, 15_000, 'the outbox start-up jobs');

  const removed = await retention.prune({ now: later, logger: silentLogger });
  const count = (what: string) => removed.find((r) => r.what === what)?.removed;
  expect(count('jobarchive: reminder')).toBeGreaterThanOrEqual(1);

  // Removed: the concluded request's reminder, the send, the sweep's run, the daily job's own run.
  for (const id of [reminderOf(concluded), send, sweep]) expect(await JobArchive.exists({ _id: id })).toBeNull();
  expect(await JobArchive.countDocuments({ kind: RETENTION_JOB_KIND })).toBe(0);
  // Kept: the open request's reminder (a replay of its history could schedule it again), the
  // outbox's entries (media.prune's), the claims still being written.
  expect(await JobArchive.exists({ _id: reminderOf(open) })).not.toBeNull();
  expect(await JobArchive.countDocuments({ _id: { $in: mediaEntries.map((e) => e._id) } })).toBe(mediaEntries.length);
  expect((await JobClaim.find({ _id: /^x:/ }).lean()).map((c) => c._id)).toEqual(['x:busy:0']);
  expect((await VersionClaim.find({ _id: /^Inbox:citizen:x:/ }).lean()).map((c) => c._id)).toEqual(['Inbox:citizen:x:2']);

  // No repeat. 40 days on, the concluded request's change is replayed (owed again in its outbox),
  // with a grant available: its send id is no longer archived, yet nothing is sent — a replay
  // sends nothing for an event that old; and the whole history wants no reminder any more.
  expect((await me.call('POST', '/api/notifications/consent', { templateKey: 'status', accepted: true })).status).toBe(200);
  const notifierThen = createNotifier({ bus: t.server.background.bus, jobs, logger: silentLogger, templates: t.config.wechatTemplates, wechatEnabled: true, now: () => later });
  const depsThen = requestsDeps({ config: t.config, logger: silentLogger, followUps: [notifierThen], now: () => later });
  const replayLate = async (from: number) => {
    const stored = (await RequestModel.findById(concluded).lean<RequestRecord>())!;
    return performOwed(depsThen, { ...stored, outbox: [eventsEntry(from, 1, later)] });
  };
  expect(await replayLate(2)).toBe(true); // the withdrawal: it was sent
  expect(await jobs.get(send)).toBeNull();
  expect(await replayLate(1)).toBe(true); // confirm_receipt: it scheduled the reminders
  expect(await availableConsent(citizenId, 'status')).toBe(1);
  expect((await jobs.active({ kind: 'wechat.subscribe' })).filter((j) => j.id.startsWith(`wechat:${concluded}:`))).toEqual([]);
  expect(await Job.countDocuments({ group: `reminders:${concluded}` })).toBe(0);

  // A pruned reminder scheduled anyway runs and tells nobody: its request is concluded.
  const clerkNotices = async () => (await readInbox({ kind: 'staff', id: 's-clerk' })).items.filter((n) => n.id.startsWith(reminderOf(concluded))).length;
  const before = await clerkNotices();
  expect(before).toBeGreaterThan(0);
  expect(await scheduleReminder(jobs, concluded, 'reply_due_soon', yesterday)).toBe('scheduled');
  t.server.background.jobRunner.wake();
  expect(await archived(reminderOf(concluded))).toMatchObject({ status: 'done', result: { skipped: 'moved_on' } });
  expect(await clerkNotices()).toBe(before);
  // The open request's kept entry still makes its reminder "already done".
  expect(await scheduleReminder(jobs, open, 'reply_due_soon', yesterday)).toBe('finished');

  await new Promise((r) => setTimeout(r, 300)); // any send job would have run by now
  expect(sim.state.subscribeMessages.filter((m) => m.touser === openid)).toHaveLength(1);
}, 60_000);
