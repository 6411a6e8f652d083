// Filing is safe under retries: the same Idempotency-Key never creates a second request — not
// when sent 20 times at once, not when sent again later — and every answer carries the same
// 申请编号 and 查询码. Different keys make different requests with consecutive numbers.
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, filing, newKey, seedWorld } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
});
afterAll(() => t.close());

it('20 concurrent submissions with one key create one request, all answered with it', async () => {
  const c = client(t, citizen('cIdem000001'));
  const key = newKey();
  const responses = await Promise.all(Array.from({ length: 20 }, () => c.call('POST', '/api/requests', filing(), { 'idempotency-key': key })));
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(19);
  const numbers = new Set(responses.map((r) => r.body.number));
  const codes = new Set(responses.map((r) => r.body.queryCode));
  const ids = new Set(responses.map((r) => r.body.request.id));
  expect([numbers.size, codes.size, ids.size]).toEqual([1, 1, 1]);
  expect(responses.filter((r) => r.body.created === false)).toHaveLength(19);
  expect(await RequestModel.countDocuments({ citizenId: 'cIdem000001' })).toBe(1);

  // A late retry (e.g. after a lost response) still finds it.
  const late = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect(late.status).toBe(200);
  expect(late.body.number).toBe([...numbers][0]);
  expect(late.body.queryCode).toBe([...codes][0]);
  expect(await RequestModel.countDocuments({ citizenId: 'cIdem000001' })).toBe(1);
});

it('the same key from another citizen is another submission; distinct keys get consecutive numbers', async () => {
  const key = newKey();
  const a = await client(t, citizen('cIdem000002')).call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  const b = await client(t, citizen('cIdem000003')).call('POST', '/api/requests', filing(), { 'idempotency-key': key });
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(a.body.request.id).not.toBe(b.body.request.id);
  const seq = (n: string) => Number(n.slice(-6));
  expect(seq(b.body.number)).toBe(seq(a.body.number) + 1);

  // Ten different submissions at once: ten requests, ten distinct numbers (the counter is
  // serialised per body and year even though FerretDB's $inc is not atomic).
  const c = client(t, citizen('cIdem000004'));
  const many = await Promise.all(Array.from({ length: 10 }, () => c.call('POST', '/api/requests', filing(), { 'idempotency-key': newKey() })));
  expect(many.map((r) => r.status)).toEqual(Array(10).fill(201));
  expect(new Set(many.map((r) => r.body.number)).size).toBe(10);
});

it('refuses a submission without a usable Idempotency-Key and stores nothing', async () => {
  const c = client(t, citizen('cIdem000005'));
  const missing = await c.call('POST', '/api/requests', filing());
  expect(missing.status).toBe(400);
  expect(missing.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  expect(missing.body.error.message).toContain('Idempotency-Key');
  const bad = await c.call('POST', '/api/requests', filing(), { 'idempotency-key': 'short' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
  expect(await RequestModel.countDocuments({ citizenId: 'cIdem000005' })).toBe(0);
});
