import type { Page } from 'playwright-core';
import { addDays, defaultCalendar, isWeekend, legalDateOf, statutoryHolidays, type LegalDate, type PublishedCalendar } from '@zwgk/shared';
import { startTestServer, type TestServer } from '../support/server';
import { launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The county-wide administrator's 节假日安排 screen in headless Chromium (375×667, then 360×640 in
// large-text mode) against the real server: next year shows its statutory holidays as unconfirmed;
// a pasted notice with a line that does not add up is refused with its line before anything is
// saved; the corrected notice is entered, the year is confirmed on the server and on the screen,
// and a day the county entered can be taken back.

let server: TestServer;
let phone: PhoneBrowser;
const today = legalDateOf(new Date());
const YEAR = Number(today.slice(0, 4)) + 1;
const md = (d: LegalDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

// A notice for YEAR in the State Council's words, from the year's statutory days: 元旦, and 春节
// from 除夕 to 初三 with a make-up working day on the first weekend day after it.
const spring = statutoryHolidays(YEAR)!.filter((d) => d.name === '春节').map((d) => d.date);
let makeUp = addDays(spring.at(-1)!, 1);
while (!isWeekend(makeUp)) makeUp = addDays(makeUp, 1);
const notice = (springDays: number) =>
  [
    `国务院办公厅关于${YEAR}年部分节假日安排的通知`,
    `一、元旦：1月1日放假1天，不调休。`,
    `二、春节：${md(spring[0]!)}（农历除夕）至${md(spring.at(-1)!)}放假调休，共${springDays}天。${md(makeUp)}上班。`,
  ].join('\n');

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0' });
  phone = await launchPhone();
}, 120_000);

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

const current = (page: Page) => page.locator('.taro_page:visible').last();

async function clean(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await screenshot(page, name);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
}

async function published(): Promise<PublishedCalendar> {
  return (await (await server.api('/api/calendar')).json()) as PublishedCalendar;
}

it("enters next year's notice from pasted lines, refusing a line that does not add up", async () => {
  const page = phone.page;
  await page.goto(`${server.url}/app/#/staff/login/index`);
  await page.locator('.st-field--username input').fill('pw_admin');
  await page.locator('.st-field--password input').fill('Pingwu-demo-2026');
  await page.getByText('登录', { exact: true }).click();
  await page.locator('.staff-inbox__title').waitFor();
  await current(page).getByText('节假日安排', { exact: true }).click();
  await current(page).locator('.staff-cal__status').waitFor();
  await current(page).locator('.zw-chip__label', { hasText: `${YEAR}年` }).click();

  const confirmedBefore = defaultCalendar.knowsYear(YEAR);
  const status = current(page).locator('.staff-cal__status');
  await status.getByText(confirmedBefore ? '已录入' : '尚未录入', { exact: false }).waitFor();
  if (!confirmedBefore) await current(page).locator('.staff-cal__run-source', { hasText: '法定节假日' }).first().waitFor();
  await clean(page, 'staff-calendar-01-next-year');

  // One day too many in the 春节 line: the line is named, nothing can be entered.
  const textarea = current(page).locator('.st-field--notice textarea');
  await textarea.fill(notice(spring.length + 1));
  const problem = current(page).locator('.staff-cal__problem');
  await problem.waitFor();
  expect(await problem.innerText()).toBe(`第3行（春节）：${md(spring[0]!)}至${md(spring.at(-1)!)}是${spring.length}天，与“共${spring.length + 1}天”不符`);
  expect(await current(page).locator('.zw-button--disabled').count()).toBe(1);
  await clean(page, 'staff-calendar-02-refused-line');
  const stampBefore = (await published()).stamp;

  await textarea.fill(notice(spring.length));
  await current(page).getByText(`将录入放假${1 + spring.length}天、调休上班1天。`).waitFor();
  await current(page).getByText(`录入${YEAR}年安排`, { exact: true }).click();
  await current(page).getByText(`已录入${YEAR}年放假调休安排，各申请的期限已按新安排计算。`).waitFor();
  await status.getByText('已录入', { exact: false }).waitFor();
  await current(page).getByText('本县录入').first().waitFor();
  await clean(page, 'staff-calendar-03-entered');

  const after = await published();
  expect(after.stamp).not.toBe(stampBefore);
  expect(after.knownYears).toContain(YEAR);
  expect(after.overrides.find((o) => o.date === makeUp)).toMatchObject({ kind: 'work', name: '春节' });

  // The make-up day is taken back: it no longer counts as a working day.
  const workRun = current(page).locator('.staff-cal__run--work', { hasText: md(makeUp) });
  await workRun.getByText('撤销', { exact: true }).click();
  await current(page).getByText('已撤销本县录入的日期。').waitFor();
  expect((await published()).overrides.find((o) => o.date === makeUp)).toBeUndefined();
  expect(phone.errors).toEqual([]);
}, 120_000);

it('reads well on a 360×640 phone in large-text mode', async () => {
  const small = await launchPhone({ viewport: { width: 360, height: 640 } });
  try {
    const page = small.page;
    await page.goto(`${server.url}/app/#/pages/me/index`);
    await page.locator('.taro_page:visible').getByText('大字模式', { exact: true }).waitFor();
    await page.locator('.taro_page:visible taro-switch-core').first().click();
    await page.goto(`${server.url}/app/#/staff/login/index`);
    await page.locator('.st-field--username input').fill('pw_admin');
    await page.locator('.st-field--password input').fill('Pingwu-demo-2026');
    await page.getByText('登录', { exact: true }).click();
    await page.locator('.staff-inbox__title').waitFor();
    await page.goto(`${server.url}/app/#/staff/calendar/index`);
    await current(page).locator('.staff-cal__status').waitFor();
    await current(page).locator('.st-field--notice textarea').fill(notice(spring.length + 1));
    await current(page).locator('.staff-cal__problem').waitFor();
    await clean(page, 'staff-calendar-04-large-text-360');
    expect(small.errors).toEqual([]);
  } finally {
    await small.close();
  }
}, 120_000);
