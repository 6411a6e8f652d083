// What the database drill found: a change whose notices failed because the database died right
// after it, and whose retry job could not be stored either (same dead database), was never
// announced. The notifier now keeps such a retry job in the process and stores it as soon as the
// database answers. Here the two failures are made deterministic: the staff lookup and the first
// attempts to store the job fail; the retry job must still end up stored — exactly once.
import { createJobStore, Job } from '../../server/src/jobs';
import { silentLogger } from '../../server/src/log';
import { createMemoryBus } from '../../server/src/events/bus';
import { createNotifier, NOTIFY_RETRY_KIND } from '../../server/src/notifications';
import { connectTestDatabase } from '../support/db';
import { citizenActor, Story, until } from '../integration/notifications/fixtures';

let disconnect: () => Promise<void>;
beforeAll(async () => {
  ({ disconnect } = await connectTestDatabase());
});
afterAll(() => disconnect());

it('a retry job that cannot be stored while the database is down is stored once it answers', async () => {
  const store = createJobStore();
  let scheduleFailures = 3;
  const jobs = {
    ...store,
    schedule: async (input: Parameters<typeof store.schedule>[0]) => {
      if (scheduleFailures-- > 0) throw Object.assign(new Error('connection refused'), { name: 'MongoServerSelectionError' });
      return store.schedule(input);
    },
  };
  const notifier = createNotifier({
    bus: createMemoryBus(),
    jobs,
    logger: silentLogger,
    templates: {},
    wechatEnabled: false,
    listStaff: async () => {
      throw Object.assign(new Error('connection refused'), { name: 'MongoServerSelectionError' });
    },
  });
  const story = new Story('req-drill-notify', 'cDrillNotify01');
  const submit = story.apply({ type: 'submit', on: '2026-12-01', actor: citizenActor('cDrillNotify01'), channel: 'online' });
  await notifier.onRequestChanged(submit.request, submit.newEvents, submit.effects); // never throws

  const stored = await until(async () => {
    const found = (await Job.find({ kind: NOTIFY_RETRY_KIND }).lean()).filter((j) => String(j._id).startsWith('notify:req-drill-notify:'));
    return found.length > 0 && found;
  }, 10_000, 'the retry job');
  expect(stored).toHaveLength(1);
  expect(stored[0]!.payload).toMatchObject({ requestId: 'req-drill-notify', firstNewIndex: 0 });
  expect(scheduleFailures).toBeLessThan(0);
});
