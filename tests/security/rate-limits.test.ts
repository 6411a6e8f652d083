// Rate limit on filing (RATE_LIMIT_FILING, per citizen): over the limit → 429 with a Chinese
// message and Retry-After, nothing stored; another citizen is not affected. Retries of one
// submission (same Idempotency-Key) count once, and a stored one is answered even over the limit. Sign-in limits and the
// staff lockout are covered by tests/integration/auth/rate-limit.test.ts and staff.test.ts, the
// public lookup's by tests/integration/requests/lookup.test.ts.
import { RequestModel } from '../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../support/server';
import { citizen, client, filing, newKey, seedWorld } from '../integration/requests/support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ RATE_LIMIT_FILING: '3/3600' });
  await seedWorld();
});
afterAll(() => t.close());

it('a citizen over the filing limit gets 429 with Retry-After and nothing is stored; others can still file', async () => {
  const a = client(t, citizen('cRateA000001'));
  const b = client(t, citizen('cRateB000001'));
  for (let i = 0; i < 3; i++) expect((await a.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })).status).toBe(201);
  const before = await RequestModel.countDocuments({});

  const over = await a.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() });
  expect(over.status).toBe(429);
  expect(over.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '提交过于频繁，请稍后再试' });
  const retryAfter = Number(over.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(over.headers.get('ratelimit-remaining')).toBe('0');
  // A burst of attempts changes nothing either.
  const burst = await Promise.all(Array.from({ length: 10 }, () => a.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })));
  expect(burst.map((r) => r.status)).toEqual(Array(10).fill(429));
  expect(await RequestModel.countDocuments({})).toBe(before);

  expect((await b.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })).status).toBe(201);
});

it('retries of one submission do not use up the limit, and a stored one is answered even over it', async () => {
  const c = client(t, citizen('cRateRetry01'));
  const key = newKey();
  const first = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect(first.status).toBe(201);
  // The app lost the answers and retried the same submission, again and again.
  for (let i = 0; i < 5; i++) {
    const retry = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
    expect([retry.status, retry.body.number, retry.body.request.id]).toEqual([200, first.body.number, first.body.request.id]);
  }
  // Two genuinely new filings still fit in the limit of 3; the third does not.
  for (let i = 0; i < 2; i++) expect((await c.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })).status).toBe(201);
  const over = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() });
  expect([over.status, over.body.error.message]).toEqual([429, '提交过于频繁，请稍后再试']);

  // Over the limit, the stored submission is still answered with the stored request.
  const late = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect([late.status, late.body.created, late.body.number, late.body.queryCode]).toEqual([200, false, first.body.number, first.body.queryCode]);
});

it('a submission that was refused before being stored counts once however often it is sent again', async () => {
  const c = client(t, citizen('cRateRetry02'));
  const key = newKey();
  // First attempt refused (a field missing): it was counted, nothing stored.
  const bad = await c.call('POST', '/api/requests', { ...filing(), declaration: undefined }, { 'idempotency-key': key });
  expect(bad.status).toBe(400);
  expect((await c.call('POST', '/api/requests', filing(), { 'idempotency-key': key })).status).toBe(201);
  // One hit so far: two more new filings fit.
  for (let i = 0; i < 2; i++) expect((await c.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })).status).toBe(201);
  const overKey = newKey();
  expect((await c.call('POST', '/api/requests', filing(), { 'idempotency-key': overKey })).status).toBe(429);
  // The refused new filing stays refused when retried (and is still not stored).
  const again = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': overKey });
  expect([again.status, again.body.error.code]).toEqual([429, 'RATE_LIMITED']);
  expect(await RequestModel.countDocuments({ citizenId: 'cRateRetry02' })).toBe(3);
});
