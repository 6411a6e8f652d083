// The lease store and runner against the real embedded database: scheduling is idempotent, one
// holder per job, expired leases are taken over, every job completes exactly once.
import { connectTestDatabase } from '../../support/db';
import { until } from '../../support/wait';
import { silentLogger } from '../../../server/src/log';
import { createJobStore, Job, JobArchive, JobClaim, JobRunner, RetryLater, type ClaimedJob } from '../../../server/src/jobs';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
  await Promise.all([Job.init(), JobArchive.init(), JobClaim.init()]);
});
afterAll(() => db.disconnect());
beforeEach(async () => {
  await Promise.all([Job.deleteMany({}), JobArchive.deleteMany({}), JobClaim.deleteMany({})]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('schedule', () => {
  it('is a no-op for an id that is pending, and for one that finished', async () => {
    const store = createJobStore();
    expect(await store.schedule({ id: 'a', kind: 'k' })).toBe('scheduled');
    expect(await store.schedule({ id: 'a', kind: 'k', payload: { other: true } })).toBe('exists');
    const [job] = await store.claim(['k'], 'w1', 10_000);
    expect(job!.id).toBe('a');
    expect(await store.complete(job!, { note: 'ok' })).toBe(true);
    expect(await store.schedule({ id: 'a', kind: 'k' })).toBe('finished');
    expect(await Job.countDocuments({})).toBe(0);
    expect(await store.get('a')).toMatchObject({ status: 'done', attempts: 1, result: { note: 'ok' } });
    expect(await store.claim(['k'], 'w1', 10_000)).toEqual([]);
  });

  it('keeps jobs lean: finished jobs leave `jobs` and their claims are removed', async () => {
    const store = createJobStore();
    for (let i = 0; i < 5; i++) await store.schedule({ id: `j${i}`, kind: 'k' });
    const jobs = await store.claim(['k'], 'w', 10_000, 10);
    expect(jobs).toHaveLength(5);
    for (const j of jobs) await store.complete(j);
    expect(await Job.countDocuments({})).toBe(0);
    expect(await JobClaim.countDocuments({})).toBe(0);
    expect(await JobArchive.countDocuments({ status: 'done' })).toBe(5);
  });

  it('does not run a copy scheduled again in the race with its completion', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'r', kind: 'k' });
    const [job] = await store.claim(['k'], 'w', 10_000);
    await store.complete(job!);
    // The copy a racing schedule() could insert after the archive check:
    await Job.create({ _id: 'r', kind: 'k', runAt: new Date(), status: 'pending', incarnation: 'x', version: 0, payload: {} });
    expect(await store.claim(['k'], 'w', 10_000)).toEqual([]);
    expect(await Job.countDocuments({})).toBe(0);
  });

  it('does not claim jobs before runAt, nor kinds it was not asked for', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'later', kind: 'k', runAt: new Date(Date.now() + 60_000) });
    await store.schedule({ id: 'other', kind: 'other' });
    expect(await store.claim(['k'], 'w', 1000)).toEqual([]);
    const later = createJobStore({ now: () => new Date(Date.now() + 61_000) });
    expect((await later.claim(['k'], 'w', 1000)).map((j) => j.id)).toEqual(['later']);
  });
});

describe('leases', () => {
  it('gives each due job to exactly one of many concurrent claimers', async () => {
    const store = createJobStore();
    for (let i = 0; i < 8; i++) await store.schedule({ id: `c${i}`, kind: 'k' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, w) => store.claim(['k'], `w${w}`, 10_000, 8)));
    const ids = results.flat().map((j) => j.id);
    expect(ids.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `c${i}`).sort());
    const docs = await Job.find({}).lean();
    for (const d of docs) expect(d.status).toBe('running');
  });

  it('lets another worker take over an expired lease; the old holder can no longer complete', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'x', kind: 'k' });
    const [a] = await store.claim(['k'], 'A', 80);
    expect(await store.claim(['k'], 'B', 80)).toEqual([]); // lease still valid
    await sleep(120);
    const [b] = await store.claim(['k'], 'B', 10_000);
    expect(b).toMatchObject({ id: 'x', owner: 'B', attempts: 2, takeover: true });
    expect(await store.extendLease(a!, 10_000)).toBe(false);
    expect(await store.complete(a!)).toBe(false);
    expect(await store.fail(a!, { message: 'late', transient: true })).toBe('lost');
    expect(await store.complete(b!)).toBe(true);
    expect(await store.get('x')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('extending a lease keeps the job from being taken over', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'e', kind: 'k' });
    const [a] = await store.claim(['k'], 'A', 600);
    for (let i = 0; i < 4; i++) {
      await sleep(250); // together more than the lease
      expect(await store.extendLease(a!, 600)).toBe(true);
      expect(await store.claim(['k'], 'B', 600)).toEqual([]);
    }
    expect(await store.complete(a!)).toBe(true);
  });

  it('recovers a job whose step was claimed but never written (a process died in between)', async () => {
    const store = createJobStore({ staleStepMs: 1000 });
    await store.schedule({ id: 's', kind: 'k' });
    const doc = await Job.findById('s').lean();
    await JobClaim.create({ _id: `s:${doc!.incarnation}:0`, owner: 'dead', at: new Date(Date.now() - 5000) });
    const [job] = await store.claim(['k'], 'w', 1000);
    expect(job?.id).toBe('s');
  });
});

describe('failures', () => {
  it('retries a transient failure later with backoff, fails for good after maxAttempts', async () => {
    let clock = Date.now();
    const store = createJobStore({ now: () => new Date(clock), backoffMs: 1000 });
    await store.schedule({ id: 't', kind: 'k', maxAttempts: 3 });
    let [job] = await store.claim(['k'], 'w', 10_000);
    expect(await store.fail(job!, { message: 'busy', transient: true })).toBe('retry');
    expect(await store.claim(['k'], 'w', 10_000)).toEqual([]); // backoff 1 s
    clock += 1001;
    [job] = await store.claim(['k'], 'w', 10_000);
    expect(job).toMatchObject({ attempts: 2, lastError: 'busy', takeover: false });
    expect(await store.fail(job!, { message: 'busy', transient: true, retryAfterMs: 5000 })).toBe('retry');
    clock += 2001; // backoff would be 2 s but the platform asked for 5 s
    expect(await store.claim(['k'], 'w', 10_000)).toEqual([]);
    clock += 3000;
    [job] = await store.claim(['k'], 'w', 10_000);
    expect(await store.fail(job!, { message: 'busy', transient: true })).toBe('failed');
    expect(await store.get('t')).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await store.get('t'))!.lastError).toContain('busy');
  });

  it('fails a permanent error at once', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'p', kind: 'k' });
    const [job] = await store.claim(['k'], 'w', 10_000);
    expect(await store.fail(job!, { message: 'bad template', transient: false })).toBe('failed');
    expect(await store.get('p')).toMatchObject({ status: 'failed', lastError: 'bad template' });
    expect(await store.schedule({ id: 'p', kind: 'k' })).toBe('finished');
  });
});

describe('cancel', () => {
  it('cancels pending jobs of a group (optionally by tag); the same id can be scheduled again', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'r1', kind: 'reminder', group: 'g', tag: 'a' });
    await store.schedule({ id: 'r2', kind: 'reminder', group: 'g', tag: 'b' });
    await store.schedule({ id: 'r3', kind: 'reminder', group: 'h', tag: 'a' });
    expect(await store.cancel({ group: 'g', tags: ['a'] })).toBe(1);
    expect((await store.active()).map((j) => j.id).sort()).toEqual(['r2', 'r3']);
    expect(await store.cancel({ group: 'g' })).toBe(1);
    expect(await store.schedule({ id: 'r1', kind: 'reminder', group: 'g', tag: 'a' })).toBe('scheduled');
  });
});

describe('JobRunner', () => {
  it('two runners on one database run every job exactly once', async () => {
    const store = createJobStore();
    const runs: Array<{ id: string; owner: string }> = [];
    const handler = (owner: string) => async (job: ClaimedJob) => {
      runs.push({ id: job.id, owner });
      await sleep(5 + Math.random() * 15);
    };
    const a = new JobRunner({ store, logger: silentLogger, owner: 'A', pollMs: 10, concurrency: 3 }).register('k', handler('A'));
    const b = new JobRunner({ store, logger: silentLogger, owner: 'B', pollMs: 10, concurrency: 3 }).register('k', handler('B'));
    for (let i = 0; i < 40; i++) await store.schedule({ id: `job${i}`, kind: 'k' });
    a.start();
    b.start();
    await until(async () => (await JobArchive.countDocuments({ status: 'done' })) === 40);
    await Promise.all([a.stop(), b.stop()]);
    expect(runs).toHaveLength(40);
    expect(new Set(runs.map((r) => r.id)).size).toBe(40);
    expect(new Set(runs.map((r) => r.owner))).toEqual(new Set(['A', 'B']));
  });

  it("completes a crashed owner's job exactly once, after its lease expired", async () => {
    const store = createJobStore();
    await store.schedule({ id: 'crash', kind: 'k' });
    const [held] = await store.claim(['k'], 'crashed', 150); // claimed, then the owner "dies"
    const runs: ClaimedJob[] = [];
    const runner = new JobRunner({ store, logger: silentLogger, owner: 'B', pollMs: 20 }).register('k', async (job) => void runs.push(job));
    runner.start();
    await sleep(80);
    expect(runs).toHaveLength(0); // lease still valid
    await until(async () => (await store.get('crash'))?.status === 'done');
    await runner.stop();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ owner: 'B', takeover: true, attempts: 2 });
    expect(await store.complete(held!)).toBe(false); // the dead owner's late completion is refused
  });

  it('extends the lease while a slow handler runs, so nobody else runs it', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'slow', kind: 'k' });
    const runs: string[] = [];
    // Lease 600 ms, extended every 200 ms, while the handler takes 2 s.
    const slow = new JobRunner({ store, logger: silentLogger, owner: 'A', pollMs: 10, leaseMs: 600 }).register('k', async () => {
      runs.push('A');
      await sleep(2000);
    });
    const other = new JobRunner({ store, logger: silentLogger, owner: 'B', pollMs: 10, leaseMs: 600 }).register('k', async () => void runs.push('B'));
    slow.start();
    await until(async () => runs.length === 1);
    other.start();
    await until(async () => (await store.get('slow'))?.status === 'done');
    await Promise.all([slow.stop(), other.stop()]);
    expect(runs).toEqual(['A']);
  });

  it('retries a handler that throws a transient error, records a permanent one', async () => {
    const store = createJobStore({ backoffMs: 10 });
    await store.schedule({ id: 'flaky', kind: 'k' });
    await store.schedule({ id: 'broken', kind: 'k' });
    let flakyRuns = 0;
    const runner = new JobRunner({ store, logger: silentLogger, pollMs: 10 }).register('k', async (job) => {
      if (job.id === 'broken') throw new Error('模板不存在');
      flakyRuns++;
      if (flakyRuns < 3) throw new RetryLater('busy');
      return { sent: true };
    });
    runner.start();
    await until(async () => (await store.get('flaky'))?.status === 'done' && (await store.get('broken'))?.status === 'failed');
    await runner.stop();
    expect(flakyRuns).toBe(3);
    expect(await store.get('flaky')).toMatchObject({ attempts: 3, result: { sent: true } });
    expect(await store.get('broken')).toMatchObject({ attempts: 1, lastError: '模板不存在' });
  });

  it('stop() waits for running handlers and claims nothing afterwards', async () => {
    const store = createJobStore();
    await store.schedule({ id: 'one', kind: 'k' });
    let finished = false;
    const runner = new JobRunner({ store, logger: silentLogger, pollMs: 10 }).register('k', async () => {
      await sleep(150);
      finished = true;
    });
    runner.start();
    await until(async () => (await store.get('one'))?.status === 'running');
    await runner.stop();
    expect(finished).toBe(true);
    expect(await store.get('one')).toMatchObject({ status: 'done' });
    await store.schedule({ id: 'two', kind: 'k' });
    await sleep(60);
    expect(await store.get('two')).toMatchObject({ status: 'pending' });
  });
});
