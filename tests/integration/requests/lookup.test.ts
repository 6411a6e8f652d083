// Public status lookup by 申请编号 + 查询码: no sign-in, status and dates only, no personal
// data or content; the same 404 for a wrong number and a wrong code; rate-limited.
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, type TestServer } from '../../support/server';
import { lookupResultSchema } from '@zwgk/shared';
import { act, citizen, client, conforms, fileAs, filing, idNumber, seedWorld, staffActors } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
});
afterAll(() => t.close());

const lookup = (number: string, code: string, ip = '198.51.100.7') =>
  t.api(`/api/lookup?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`, { headers: { 'x-forwarded-for': ip } });

it('shows status and dates only, to anyone with the number and the code', async () => {
  const ID = idNumber('1990-01-15', 777);
  const owner = client(t, citizen('cLookup00001'));
  const filed = await fileAs(owner, { idNumber: ID, phone: '13700001111', name: '王五' });
  await act(client(t, staffActors.clerk!), filed.request.id, { type: 'confirm_receipt' });

  const res = await lookup(filed.number, filed.queryCode.toLowerCase());
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = conforms(lookupResultSchema, await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(
    ['bodyName', 'concludedOn', 'deadlineLabel', 'dueOn', 'extended', 'number', 'outcomeGroup', 'outcomeGroupLabel', 'paused', 'phase', 'provisionalNote', 'receivedOn', 'stateLabel', 'submittedOn'].sort(),
  );
  expect(body).toMatchObject({ number: filed.number, bodyName: '平武县人民政府办公室', phase: 'received', stateLabel: '已受理，办理中', deadlineLabel: '还剩 20 个工作日' });
  const text = JSON.stringify(body);
  for (const secret of [ID, '13700001111', '王五', filing().description, filed.request.id]) expect(text).not.toContain(secret);
});

it('answers the same 404 for an unknown number and for a wrong code', async () => {
  const filed = await fileAs(client(t, citizen('cLookup00002')));
  const wrongCode = await lookup(filed.number, 'ABCDEFGHJK');
  const wrongNumber = await lookup('PWZF-2026-999999', filed.queryCode);
  expect([wrongCode.status, wrongNumber.status]).toEqual([404, 404]);
  const a = ((await wrongCode.json()) as any).error;
  const b = ((await wrongNumber.json()) as any).error;
  expect([a.code, a.message]).toEqual([b.code, b.message]);
  expect(a.message).toBe('申请编号或查询码不正确');
  const missing = await t.api('/api/lookup?number=PWZF-2026-000001');
  expect(missing.status).toBe(400);
});

it('the query code is stored only as a keyed hash', async () => {
  const filed = await fileAs(client(t, citizen('cLookup00003')));
  const stored = await RequestModel.findById(filed.request.id).lean();
  expect(JSON.stringify(stored)).not.toContain(filed.queryCode);
  expect(stored!.queryCodeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
});

it('is rate-limited per number, whoever asks', async () => {
  const filed = await fileAs(client(t, citizen('cLookup00004')));
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) statuses.push((await lookup(filed.number, 'WRONGCODE2', `203.0.113.${i}`)).status);
  expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
  expect(statuses[20]).toBe(429);
  // The right code does not help once the number is being hammered.
  expect((await lookup(filed.number, filed.queryCode, '203.0.113.99')).status).toBe(429);
});
