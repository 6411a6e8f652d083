// Demo mode (`npm start`) gives the console work and the demo citizen requests: the office's
// inbox has overdue, due-soon and waiting requests; the 2023 requests are concluded; the demo
// citizen sees their own; the public lookup works with a demo request's code.
import { legalDateOf } from '@zwgk/shared';
import { queryCodeFor } from '../../../server/src/requests/commands/query-code';
import { DEMO_CITIZEN_ID } from '../../../server/src/demo/requests';
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, filing, newKey } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ DEMO_MODE: '1' });
});
afterAll(() => t.close());

const staff = (id: string, role: 'clerk' | 'handler' | 'reviewer' | 'admin', bodyId = 'pingwu-gov-office', countyWide = false) =>
  client(t, { kind: 'staff', staffId: id, role, bodyId, countyWide, county: 'pingwu' });

it('the county office’s inbox has work at every stage, the 2023 requests concluded', async () => {
  const inbox = await staff('staff-pw_clerk', 'clerk').call('GET', '/api/staff/requests');
  expect(inbox.status).toBe(200);
  const { counts, items } = inbox.body;
  expect(counts.byPhase).toMatchObject({ closed: 7, submitted: 1, correction_requested: 1, consultation: 1, decided: 1 });
  expect(counts.overdue).toBeGreaterThanOrEqual(1);
  expect(counts.dueSoon).toBeGreaterThanOrEqual(1);
  // Open work first, by deadline; the closed 2023 requests last.
  expect(items[0].overdue).toBe(true);
  expect(items.slice(-7).every((i: any) => i.phase === 'closed' && i.number.startsWith('PWZF-2023-'))).toBe(true);
  expect(items.map((i: any) => i.applicantName).every((n: string) => n.includes('*'))).toBe(true);

  const reviewer = await staff('staff-pw_reviewer', 'reviewer').call('GET', '/api/staff/requests?state=decided');
  expect(reviewer.body.items).toHaveLength(1);
  const detail = await staff('staff-pw_reviewer', 'reviewer').call('GET', `/api/staff/requests/${reviewer.body.items[0].id}`);
  expect(detail.body.actions.map((a: any) => a.type)).toEqual(expect.arrayContaining(['approve', 'reject']));

  const county = await staff('staff-pw_admin', 'admin', 'pingwu-gov-office', true).call('GET', '/api/staff/requests');
  expect(county.body.items.some((i: any) => i.bodyId === 'pingwu-education')).toBe(true);
});

it('the demo citizen sees their requests; the public lookup works with a demo code', async () => {
  const mine = await client(t, citizen(DEMO_CITIZEN_ID)).call('GET', '/api/requests');
  expect(mine.body.items.length).toBeGreaterThanOrEqual(3);
  const correction = mine.body.items.find((i: any) => i.phase === 'correction_requested');
  const detail = await client(t, citizen(DEMO_CITIZEN_ID)).call('GET', `/api/requests/${correction.id}`);
  expect(detail.body.correction.items).toHaveLength(2);
  expect(detail.body.thread.some((i: any) => i.kind === 'message')).toBe(true);

  const res = await t.api(`/api/lookup?number=PWZF-2023-000003&code=${queryCodeFor('demo-2023-03')}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ phase: 'closed', outcomeGroupLabel: '不予公开', concludedOn: '2023-05-24' });
});

it('numbers filed after the demo continue the demo sequence', async () => {
  const res = await client(t, citizen('cDemoFiler01')).call('POST', '/api/requests', filing({ bodyId: 'pingwu-gov-office' }), { 'idempotency-key': newKey() });
  expect(res.status).toBe(201);
  // The year of filing in Beijing, as the server numbers: getFullYear() (UTC on CI) is still the old
  // year on 31 December from 16:00 UTC.
  const year = legalDateOf(new Date()).slice(0, 4);
  expect(res.body.number).toBe(`PWZF-${year}-000009`);
});
