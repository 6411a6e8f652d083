// Reminders survive restarts and fire once: scheduled by one server process, fired by the next,
// never again by a third one even when the change is reported again.
import { JobArchive, Job } from '../../../server/src/jobs';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { readInbox, reminderJobId } from '../../../server/src/notifications';
import { testDatabaseUri } from '../../support/db';
import { startTestServer, type TestServer } from '../../support/server';
import { citizenActor, clerkActor, seedPeople, sleep, Story, until } from './fixtures';

const uri = testDatabaseUri();
const citizen = { id: 'cReminderTest0001', openid: 'oSim-reminder-1' };
let t: TestServer | undefined;

afterEach(async () => {
  await t?.close({ keepData: true });
  t = undefined;
});
afterAll(async () => {
  const last = await startTestServer({ MONGODB_URI: uri, JOBS_ENABLED: '0' });
  await last.close();
});

const reminderItems = async (staffId: string, requestId: string) =>
  (await readInbox({ kind: 'staff', id: staffId })).items.filter((i) => i.requestId === requestId && i.id.startsWith('reminder:'));

// October 2026 dates: every reminder is already due when the next server starts.
const story = new Story('req-reminder-restart', citizen.id);
const submit = story.apply({ type: 'submit', on: '2026-10-12', actor: citizenActor(citizen.id), channel: 'online' });
const confirm = story.apply({ type: 'confirm_receipt', on: '2026-10-12', actor: clerkActor });
const due = confirm.effects.flatMap((e) => (e.type === 'schedule_reminder' ? [reminderJobId(story.request._id, e.kind, e.on)] : []));

it('1. a server with its runner off schedules the reminders (and nothing fires)', async () => {
  t = await startTestServer({ MONGODB_URI: uri, JOBS_ENABLED: '0' });
  await seedPeople([citizen]);
  await story.store();
  const n = t.server.background.notifier;
  await n.onRequestChanged(submit.request, submit.newEvents, submit.effects);
  await n.onRequestChanged(confirm.request, confirm.newEvents, confirm.effects);
  expect(due).toHaveLength(3);
  expect((await Job.find({ _id: { $in: due } }).lean()).map((j) => j.status)).toEqual(['pending', 'pending', 'pending']);
  await sleep(100);
  expect(await reminderItems('staff-clerk-1', story.request._id)).toEqual([]);
});

it('2. after a restart, the next server fires each reminder once and tells the clerks', async () => {
  t = await startTestServer({ MONGODB_URI: uri, JOBS_POLL_MS: '30' });
  await until(async () => (await JobArchive.countDocuments({ _id: { $in: due }, status: 'done' })) === 3, 10_000, 'reminders fired');
  const items = await reminderItems('staff-clerk-1', story.request._id);
  expect(items.map((i) => i.kind).sort()).toEqual(['correction_window_ends', 'reply_due_soon', 'reply_overdue']);
  expect(items.find((i) => i.kind === 'reply_overdue')!.body).toContain(story.request.number);
  expect(await reminderItems('staff-clerk-2', story.request._id)).toHaveLength(3);
  for (const id of due) expect(await JobArchive.findById(id).lean()).toMatchObject({ status: 'done', attempts: 1 });
});

it('3. another restart, and the same change reported again: nothing fires twice', async () => {
  t = await startTestServer({ MONGODB_URI: uri, JOBS_POLL_MS: '30' });
  await t.server.background.notifier.onRequestChanged(confirm.request, confirm.newEvents, confirm.effects);
  expect(await Job.countDocuments({ _id: { $in: due } })).toBe(0);
  await sleep(300);
  expect(await reminderItems('staff-clerk-1', story.request._id)).toHaveLength(3);
});

it('4. an expiry fires its lifecycle event once through the requests command, then tells staff', async () => {
  t = await startTestServer({ MONGODB_URI: uri, JOBS_ENABLED: '0' });
  const s = new Story('req-reminder-expiry', citizen.id);
  const steps = [
    s.apply({ type: 'submit', on: '2026-10-12', actor: citizenActor(citizen.id), channel: 'online' }),
    s.apply({ type: 'confirm_receipt', on: '2026-10-12', actor: clerkActor }),
    s.apply({ type: 'request_correction', on: '2026-10-13', actor: clerkActor, items: ['请补充文号'], dueOn: '2026-10-20' }),
  ];
  await s.store();
  for (const step of steps) await t.server.background.notifier.onRequestChanged(step.request, step.newEvents, step.effects);
  t.server.background.jobRunner.start();
  const id = reminderJobId(s.request._id, 'correction_overdue', '2026-10-21');
  await until(async () => (await JobArchive.findById(id).lean())?.status === 'done', 10_000, 'expiry fired');
  await sleep(200);
  // Stored by the requests command (wired in background.ts), as the scheduler's event.
  const stored = (await RequestModel.findById(s.request._id).lean<RequestRecord>())!;
  expect(stored.events.slice(3).map((e) => ({ type: e.type, on: e.on, role: e.actor.role }))).toEqual([{ type: 'correction_expired', on: '2026-10-21', role: 'system' }]);
  const items = await reminderItems('staff-clerk-1', s.request._id);
  expect(items.map((i) => i.kind)).toEqual(['correction_overdue']);
  expect(items[0]!.body).toContain('系统已按规定办结');
});
