// Rate limits: fixed-window counters stored in the database (shared by every instance).
import mongoose from 'mongoose';
import { hitRateLimit } from '../../../server/src/middleware/rateLimit';
import { json, jsonPost } from '../../support/auth';
import { startTestServer, type TestServer } from '../../support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ DEMO_MODE: '1', RATE_LIMIT_SIGNIN: '3/60' });
});
afterAll(() => t.close());

const counters = () => mongoose.connection.db!.collection<{ _id: string; count: number; expiresAt: Date }>('ratelimits');

test('sign-in over the limit → 429 with a Chinese message and Retry-After; the counter is one document by _id', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const res = await t.api('/api/auth/dev-citizen', jsonPost({ name: `用户${i}` }));
    statuses.push(res.status);
    expect(res.headers.get('ratelimit-remaining')).toBe(String(2 - i));
  }
  expect(statuses).toEqual([200, 200, 200]);
  // Wrong passwords count too (the limit is per client IP, across sign-in endpoints).
  const limited = await t.api('/api/auth/staff', jsonPost({ username: 'pw_clerk', password: 'whatever-1' }));
  expect(limited.status).toBe(429);
  expect(await json(limited)).toMatchObject({ error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请稍后再试' } });
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  // The refused attempt never reached the password check (no failure counted).
  expect(await mongoose.connection.db!.collection('loginattempts').countDocuments()).toBe(0);

  const docs = await counters().find({ _id: { $regex: '^rl:signin:ip:' } }).toArray();
  expect(docs).toHaveLength(1);
  expect(docs[0]).toMatchObject({ count: 4 });
  expect(docs[0]!._id).toMatch(/^rl:signin:ip:[^:]*.*:\d+$/);
});

test('the counter is shared: hits recorded by another instance (straight in the database) count here', async () => {
  const rule = { limit: 5, windowMs: 60_000 };
  const now = Date.now();
  expect(await hitRateLimit('probe', 'k1', rule, now)).toMatchObject({ allowed: true, count: 1 });
  const windowStart = now - (now % rule.windowMs);
  await counters().updateOne({ _id: `rl:probe:k1:${windowStart}` }, { $inc: { count: 4 } }); // "instance B"
  expect(await hitRateLimit('probe', 'k1', rule, now)).toMatchObject({ allowed: false, count: 6 });
  // The next window starts from zero.
  expect(await hitRateLimit('probe', 'k1', rule, windowStart + rule.windowMs)).toMatchObject({ allowed: true, count: 1 });
});

test('concurrent hits are all counted (no lost increments)', async () => {
  const rule = { limit: 10, windowMs: 60_000 };
  const now = Date.now();
  const hits = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit('burst', 'k', rule, now)));
  expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect(hits.filter((h) => h.allowed)).toHaveLength(10);
});
