// The staff console's own endpoints against the real server and embedded database:
// supervision (督办), the assignee list and the per-applicant monthly count behind the fee.
import { addDays, defaultCalendar, legalDateOf, outcomeKeys } from '@zwgk/shared';
import { startTestServer, type TestServer } from '../../../../tests/support/server';
import { act, client, ELSEWHERE, filing, idNumber, newKey, OFFICE, seedWorld, staffActors, type Client } from '../../../../tests/integration/requests/support';

let t: TestServer;
let clerk: Client;
let handler: Client;
let reviewer: Client;
let countyAdmin: Client;
let eduClerk: Client;
const today = legalDateOf(new Date());
/**
 * The last working day up to today. On a weekend or holiday no working day has ended since then,
 * so counting back from today itself would leave every "n working days ago" one short (the test
 * failed on Saturdays: overdue by 3, not 4).
 */
const lastWorkingDay = defaultCalendar.isWorkingDay(today) ? today : defaultCalendar.addWorkingDays(today, -1);

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  clerk = client(t, staffActors.clerk!);
  handler = client(t, staffActors.handler!);
  reviewer = client(t, staffActors.reviewer!);
  countyAdmin = client(t, staffActors.countyAdmin!);
  eduClerk = client(t, staffActors.eduClerk!);
});
afterAll(() => t.close());

async function register(c: Client, receivedOn: string, overrides: Parameters<typeof filing>[0] = {}) {
  const res = await c.call('POST', '/api/staff/requests', { ...filing(overrides), channel: 'in_person', receivedOn }, { 'idempotency-key': newKey() });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.request as { id: string; number: string; dueOn: string };
}

const ok = (res: { status: number; body: any }) => {
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

describe('GET /api/staff/supervision', () => {
  let late: { id: string };
  let soon: { id: string };
  let calm: { id: string };

  beforeAll(async () => {
    // Reply period: 20 working days after receipt (Art. 33).
    late = await register(clerk, defaultCalendar.addWorkingDays(lastWorkingDay, -24), { name: '赵一' }); // 4 working days overdue
    soon = await register(clerk, defaultCalendar.addWorkingDays(lastWorkingDay, -18), { name: '钱二' }); // due in 2 working days
    calm = await register(clerk, defaultCalendar.addWorkingDays(lastWorkingDay, -5), { name: '孙三' });
    ok(await act(clerk, soon.id, { type: 'assign', assigneeId: 's-handler', department: '秘书股' }));
    // One concluded this year: received 5 working days ago, answered today.
    ok(await act(handler, calm.id, { type: 'decide', outcome: 'unable_not_held', legalBasis: '《条例》第三十六条第（五）项', replyText: '该信息由平武县自然资源局负责公开。' }));
    ok(await act(reviewer, calm.id, { type: 'approve' }));
    ok(await act(clerk, calm.id, { type: 'deliver' }));
  });

  it('lists overdue and due-soon requests, per department, for the head of the office', async () => {
    const v = ok(await reviewer.call('GET', '/api/staff/supervision'));
    expect(v.year).toBe(Number(today.slice(0, 4)));
    expect(v.dueSoonWorkingDays).toBe(3);
    expect(v.overdue.map((r: any) => r.id)).toEqual([late.id]);
    expect(v.overdue[0]).toMatchObject({ overdue: true, workingDaysLeft: -4, applicantName: '赵*' });
    expect(v.dueSoon.map((r: any) => r.id)).toEqual([soon.id]);
    expect(v.dueSoon[0]).toMatchObject({ workingDaysLeft: 2, assignee: { id: 's-handler', department: '秘书股' } });
    expect(v.units).toEqual([
      { key: '', label: '未分办', open: 1, dueSoon: 0, overdue: 1 },
      { key: '秘书股', label: '秘书股', open: 1, dueSoon: 1, overdue: 0 },
    ]);
  });

  it('gives the year’s handling time and outcomes as table 三 counts them', async () => {
    const v = ok(await reviewer.call('GET', `/api/staff/supervision?year=${today.slice(0, 4)}`));
    expect(v.handling).toMatchObject({ concluded: 1, averageWorkingDays: 5, onTime: 1, late: 0 });
    expect(v.handling.averageCalendarDays).toBeGreaterThanOrEqual(5);
    expect(v.outcomes.map((o: any) => o.outcome)).toEqual([...outcomeKeys]);
    expect(v.outcomes.find((o: any) => o.outcome === 'unable_not_held')).toMatchObject({ count: 1, group: 'unable', groupLabel: '无法提供' });
    expect(v.outcomes.reduce((s: number, o: any) => s + o.count, 0)).toBe(1);
    const lastYear = ok(await reviewer.call('GET', `/api/staff/supervision?year=${Number(today.slice(0, 4)) - 1}`));
    expect(lastYear.handling.concluded).toBe(0);
  });

  it('groups by body for a county-wide admin, and is refused to clerks and handlers', async () => {
    const v = ok(await countyAdmin.call('GET', '/api/staff/supervision'));
    expect(v.units).toEqual([{ key: OFFICE, label: '平武县人民政府办公室', open: 2, dueSoon: 1, overdue: 1 }]);
    expect((await clerk.call('GET', '/api/staff/supervision')).status).toBe(403);
    expect((await handler.call('GET', '/api/staff/supervision')).status).toBe(403);
    expect((await reviewer.call('GET', '/api/staff/supervision?year=abc')).status).toBe(400);
  });
});

describe('GET /api/staff/assignees', () => {
  it('lists the active staff of my body, handlers first', async () => {
    const { items } = ok(await clerk.call('GET', '/api/staff/assignees'));
    expect(items[0]).toEqual({ id: 's-handler', name: '王承办', role: 'handler', roleLabel: '承办人' });
    expect(items.map((s: any) => s.id).sort()).toEqual(['s-admin', 's-clerk', 's-county-admin', 's-handler', 's-reviewer']);
    const edu = ok(await eduClerk.call('GET', '/api/staff/assignees'));
    expect(edu.items.map((s: any) => s.id)).toEqual(['s-edu-clerk']);
  });

  it('does not reveal another county’s staff', async () => {
    expect((await clerk.call('GET', `/api/staff/assignees?bodyId=${ELSEWHERE}`)).status).toBe(404);
    expect((await countyAdmin.call('GET', `/api/staff/assignees?bodyId=${ELSEWHERE}`)).status).toBe(404);
  });
});

describe('GET /api/staff/requests/:id/fee-basis', () => {
  it('counts the applicant’s requests to this body in the month of receipt, in order of receipt', async () => {
    const person = idNumber('1990-01-15', 321);
    const month = today.slice(0, 7);
    const firstOfMonth = `${month}-01`;
    const a = await register(clerk, firstOfMonth, { idNumber: person, name: '周四' });
    const b = await register(clerk, today, { idNumber: person, name: '周四' });
    const other = await register(clerk, today, { idNumber: idNumber('1991-02-16', 322), name: '吴五' });
    const lastMonth = await register(clerk, addDays(firstOfMonth, -1), { idNumber: person, name: '周四' });

    expect(ok(await clerk.call('GET', `/api/staff/requests/${a.id}/fee-basis`))).toEqual({ month, ordinalInMonth: 1, countInMonth: 2 });
    expect(ok(await handler.call('GET', `/api/staff/requests/${b.id}/fee-basis`))).toEqual({ month, ordinalInMonth: 2, countInMonth: 2 });
    expect(ok(await clerk.call('GET', `/api/staff/requests/${other.id}/fee-basis`))).toEqual({ month, ordinalInMonth: 1, countInMonth: 1 });
    expect(ok(await clerk.call('GET', `/api/staff/requests/${lastMonth.id}/fee-basis`))).toMatchObject({ month: addDays(firstOfMonth, -1).slice(0, 7), ordinalInMonth: 1 });
    // Another body's staff cannot probe it.
    expect((await eduClerk.call('GET', `/api/staff/requests/${a.id}/fee-basis`)).status).toBe(404);
  });
});
