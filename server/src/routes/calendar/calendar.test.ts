// The effective calendar against the real server and embedded database: a county-wide admin's
// override changes the dates the server computes (reply deadline of a registered request, the
// inbox) and what GET /api/calendar publishes — the calendar the app counts with.
import { addDays, calendarFromPublished, createCalendar, defaultCalendar, isWeekend, legalDateOf, type PublishedCalendar } from '@zwgk/shared';
import mongoose from 'mongoose';
import { startTestServer, type TestServer } from '../../../../tests/support/server';
import { client, filing, newKey, seedWorld, staffActors, type Client } from '../../../../tests/integration/requests/support';

let t: TestServer;
let clerk: Client;
let admin: Client;
let countyAdmin: Client;
const today = legalDateOf(new Date());

beforeAll(async () => {
  t = await startTestServer();
  await seedWorld();
  clerk = client(t, staffActors.clerk!);
  admin = client(t, staffActors.admin!);
  countyAdmin = client(t, staffActors.countyAdmin!);
});
afterAll(() => t.close());

async function published(): Promise<PublishedCalendar> {
  const res = await t.api('/api/calendar');
  expect(res.status).toBe(200);
  return (await res.json()) as PublishedCalendar;
}

async function register(receivedOn: string) {
  const res = await clerk.call('POST', '/api/staff/requests', { ...filing(), channel: 'in_person', receivedOn }, { 'idempotency-key': newKey() });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.request as { id: string; dueOn: string };
}

/** The next working day after today in the base calendar (never a weekend). */
const nextWorkingDay = defaultCalendar.addWorkingDays(today, 1);

describe('GET /api/calendar', () => {
  it('answers anyone with the base calendar while no override is set', async () => {
    const p = await published();
    expect(p.overrides).toEqual([]);
    expect(p.knownYears).toEqual(defaultCalendar.coverage().knownYears);
    expect(p.entries).toEqual(defaultCalendar.entries());
  });
});

describe('overrides', () => {
  afterEach(async () => {
    await countyAdmin.call('DELETE', `/api/staff/calendar/overrides/${nextWorkingDay}`);
  });

  it("a county-wide admin's day off moves the reply deadline the server computes, and the published calendar with it", async () => {
    const before = await register(today);
    expect(before.dueOn).toBe(defaultCalendar.addWorkingDays(today, 20));
    const stamp = (await published()).stamp;

    const res = await countyAdmin.call('PUT', `/api/staff/calendar/overrides/${nextWorkingDay}`, { kind: 'off', name: '县庆', note: '平府办发〔2026〕1号' });
    expect(res.status).toBe(200);
    expect(res.body.overrides).toEqual([{ date: nextWorkingDay, kind: 'off', name: '县庆', note: '平府办发〔2026〕1号' }]);

    const expected = createCalendar([{ date: nextWorkingDay, kind: 'off' }]).addWorkingDays(today, 20);
    expect(expected > before.dueOn).toBe(true);
    const after = await register(today);
    expect(after.dueOn).toBe(expected);
    // The earlier request is recomputed too: the inbox and the detail count with the new calendar.
    expect((await clerk.call('GET', `/api/staff/requests/${before.id}`)).body.dueOn).toBe(expected);
    const inbox = await clerk.call('GET', '/api/staff/requests?limit=200');
    expect(inbox.body.items.find((i: { id: string }) => i.id === before.id).dueOn).toBe(expected);

    const p = await published();
    expect(p.stamp).not.toBe(stamp);
    expect(calendarFromPublished(p).addWorkingDays(today, 20)).toBe(expected);
    expect(calendarFromPublished(p).isWorkingDay(nextWorkingDay)).toBe(false);
  });

  it('a make-up working day on a weekend counts; removing it restores the base calendar', async () => {
    let saturday = addDays(today, 1);
    while (!isWeekend(saturday) || defaultCalendar.isWorkingDay(saturday)) saturday = addDays(saturday, 1);
    expect((await countyAdmin.call('PUT', `/api/staff/calendar/overrides/${saturday}`, { kind: 'work' })).status).toBe(200);
    expect(calendarFromPublished(await published()).isWorkingDay(saturday)).toBe(true);
    const del = await countyAdmin.call('DELETE', `/api/staff/calendar/overrides/${saturday}`);
    expect(del.status).toBe(200);
    expect(del.body.overrides).toEqual([]);
    expect((await register(today)).dueOn).toBe(defaultCalendar.addWorkingDays(today, 20));
    expect((await countyAdmin.call('DELETE', `/api/staff/calendar/overrides/${saturday}`)).status).toBe(404);
  });

  it('only a county-wide admin may change the calendar; bad input is refused with a Chinese message and changes nothing', async () => {
    const stamp = (await published()).stamp;
    const body = { kind: 'off' };
    const bodyAdmin = await admin.call('PUT', `/api/staff/calendar/overrides/${nextWorkingDay}`, body);
    expect(bodyAdmin.status).toBe(403);
    expect(bodyAdmin.body.error.message).toBe('只有县级管理员可以调整节假日和调休安排');
    expect((await clerk.call('PUT', `/api/staff/calendar/overrides/${nextWorkingDay}`, body)).status).toBe(403);
    const anonymous = await t.api(`/api/staff/calendar/overrides/${nextWorkingDay}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(anonymous.status).toBe(401);
    const badDate = await countyAdmin.call('PUT', '/api/staff/calendar/overrides/2026-02-30', body);
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('日期格式应为YYYY-MM-DD');
    const badKind = await countyAdmin.call('PUT', `/api/staff/calendar/overrides/${nextWorkingDay}`, { kind: 'holiday' });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('请选择“放假”或“上班”');
    expect((await published()).stamp).toBe(stamp);
  });
});

describe('a pasted State Council notice', () => {
  const NOTICE_2027 = [
    '国务院办公厅关于2027年部分节假日安排的通知',
    '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
    '二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。',
  ].join('\n');
  const days2027 = ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-20'];
  afterAll(async () => {
    for (const day of days2027) await countyAdmin.call('DELETE', `/api/staff/calendar/overrides/${day}`);
  });

  it('is refused whole, line by line in Chinese, when one line does not add up; by anyone but a county-wide admin', async () => {
    const stamp = (await published()).stamp;
    const broken = NOTICE_2027.replace('共8天', '共7天');
    const res = await countyAdmin.call('POST', '/api/staff/calendar/notice', { year: 2027, text: broken });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOTICE_NOT_UNDERSTOOD', details: { problems: [{ line: 3, message: '第3行（春节）：2月5日至2月12日是8天，与“共7天”不符' }] } });
    expect((await admin.call('POST', '/api/staff/calendar/notice', { year: 2027, text: NOTICE_2027 })).status).toBe(403);
    expect((await countyAdmin.call('POST', '/api/staff/calendar/notice', { year: 2027, text: '  ' })).body.error.message).toBe('提交的内容有误，请检查后重试');
    expect((await published()).stamp).toBe(stamp);
  });

  it("enters the year's days off and make-up days at once, confirms the year, and is audited", async () => {
    const res = await countyAdmin.call('POST', '/api/staff/calendar/notice', { year: 2027, text: NOTICE_2027 });
    expect(res.status).toBe(200);
    const p = res.body as PublishedCalendar;
    expect(p.knownYears).toContain(2027);
    expect(p.overrides.filter((o) => o.date.startsWith('2027-')).map((o) => `${o.date} ${o.kind}`)).toEqual(days2027.map((d) => `${d} ${d === '2027-02-20' ? 'work' : 'off'}`));
    const app = calendarFromPublished(p);
    expect(app.dayInfo('2027-02-20')).toMatchObject({ working: true, reason: 'makeup_workday', yearKnown: true });
    // The statutory days the notice did not list (清明 …) still hold in 2027.
    expect(app.isWorkingDay('2027-04-05')).toBe(false);
    const audit = await mongoose.connection.db!.collection('audit').findOne({ action: 'calendar.notice.entered' });
    expect(audit).toMatchObject({ actor: { id: 's-county-admin' }, detail: { year: 2027, offDays: 11, workDays: 1 } });
  });
});
