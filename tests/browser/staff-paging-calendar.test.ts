import type { Page } from 'playwright-core';
import { createCalendar, defaultCalendar, legalDateOf, REPLY_PERIOD, SUGGESTED_CORRECTION_PERIOD, type LegalDate } from '@zwgk/shared';
import { bearer, devCitizen, jsonPost, staffLogin } from '../support/auth';
import { startTestServer, type TestServer } from '../support/server';
import { filing, idNumber } from '../integration/requests/support';
import { handlingPhases } from '../../miniapp/src/staff/lib/inbox-filter';
import { launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The staff console in headless Chromium (375×667) against the real server and embedded database:
// 1. Paging: 130 more requests registered for the county office; the inbox lists a first page,
//    scrolling to the bottom loads the next ones until every request is listed, counts stay those
//    of the server, pulling down (here: a reload) starts again from one page.
// 2. Calendar: the county-wide admin makes the next working day a day off through the API; the
//    console's suggested correction deadline and registration reply deadline move with it (the app
//    counts with GET /api/calendar), and fall back to the stored copy / the built-in base offline.

let server: TestServer;
let phone: PhoneBrowser;
let clerkToken: string;
const today = legalDateOf(new Date());
const SEEDED = 130;

async function api(path: string, init: RequestInit): Promise<any> {
  const res = await server.api(path, init);
  const body = await res.json().catch(() => undefined);
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function register(i: number, receivedOn: LegalDate = today): Promise<{ id: string; number: string }> {
  const init = jsonPost({ ...filing({ name: `分页${i}`, idNumber: idNumber('1980-01-01', i % 1000) }), channel: 'in_person', receivedOn }, clerkToken);
  const body = await api('/api/staff/requests', { ...init, headers: { ...init.headers, 'idempotency-key': `paging-${i}` } });
  return body.request;
}

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0' });
  clerkToken = (await staffLogin(server, 'pw_clerk')).accessToken;
  // Four at a time: the real registration path (number, index documents, clock) for every one.
  for (let i = 0; i < SEEDED; i += 4) await Promise.all([0, 1, 2, 3].filter((k) => i + k < SEEDED).map((k) => register(i + k)));
  phone = await launchPhone();
}, 300_000);

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/app/#/staff/login/index`);
  await page.locator('.st-field--username input').fill(username);
  await page.locator('.st-field--password input').fill('Pingwu-demo-2026');
  await page.getByText('登录', { exact: true }).click();
  await page.locator('.staff-inbox__title').waitFor();
}

const current = (page: Page) => page.locator('.taro_page:visible').last();
const rows = (page: Page) => current(page).locator('.st-row');

/**
 * Scrolls down the way a finger does — in steps, each firing scroll events — until more rows are
 * listed than `before` (the next page came) or a time limit passes. A jump straight to the end
 * would not do: Taro fires "reach bottom" again only after a scroll event away from the bottom.
 */
async function scrollForMore(page: Page, before: number): Promise<void> {
  await page.mouse.move(187, 400);
  const until = Date.now() + 20_000;
  while ((await rows(page).count()) <= before) {
    if (Date.now() > until) throw new Error(`scrolling to the bottom loaded nothing after ${before} rows`);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(150);
  }
}

async function waitForRows(page: Page, n: number): Promise<void> {
  const until = Date.now() + 15_000;
  while ((await rows(page).count()) < n) {
    if (Date.now() > until) throw new Error(`${n} rows expected, ${await rows(page).count()} listed`);
    await page.waitForTimeout(100);
  }
}

describe('inbox paging', () => {
  it('lists the first page, loads the rest on scrolling to the bottom, keeps the server counts, starts again on refresh', async () => {
    const page = phone.page;
    await signIn(page, 'pw_clerk');
    // The console's default view: the deadline list is every open request past confirmation.
    const answer = await api(`/api/staff/requests?state=${handlingPhases.join(',')}&limit=1`, { headers: bearer(clerkToken) });
    const mainTotal: number = answer.total;
    expect(mainTotal).toBeGreaterThan(SEEDED);
    const open: number = answer.counts.open;

    await current(page).getByText(`加载更多（已显示50件，共${mainTotal}件）`).waitFor();
    const firstPage = await rows(page).count();
    const status = await current(page).locator('.staff-inbox__status').innerText();
    expect(status).toContain('共');
    expect(await current(page).locator('.staff-inbox__tab').first().innerText()).toBe(`未办结 ${open}`);
    await screenshot(page, 'staff-inbox-paging-first', { wholePage: false });

    for (let loaded = 50; loaded < mainTotal; loaded += 50) {
      await scrollForMore(page, firstPage - 50 + loaded);
      await waitForRows(page, firstPage - 50 + Math.min(loaded + 50, mainTotal));
    }
    await current(page).getByText(`已显示全部${mainTotal}件`).waitFor();
    expect(await rows(page).count()).toBe(firstPage - 50 + mainTotal);
    // Each request once.
    const numbers = await rows(page).locator('.st-row__number').allInnerTexts();
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await current(page).locator('.staff-inbox__tab').first().innerText()).toBe(`未办结 ${open}`);
    await current(page).locator('.staff-inbox__end').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-inbox-paging-end', { wholePage: false });
    expect(await overlappingText(page)).toEqual([]);
    expect(await overflowingText(page)).toEqual([]);

    // A citizen files online while the list is long: the live refresh shows the new submission and
    // keeps every row listed (it reloads as many rows as are on screen, not the first page).
    const freshBefore = await current(page).locator('.staff-inbox__group').first().innerText();
    const citizen = (await devCitizen(server, '分页市民')).accessToken;
    const filed = jsonPost(filing({ name: '分页市民', idNumber: idNumber('1990-02-02', 7) }), citizen);
    await api('/api/requests', { ...filed, headers: { ...filed.headers, 'idempotency-key': 'paging-online-1' } });
    const freshCount = (text: string) => Number(/（(\d+)）/.exec(text)?.[1]);
    await page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.staff-inbox__group')).some((el) => (el.textContent ?? '').includes(`（${n}）`)),
      freshCount(freshBefore) + 1,
      { timeout: 15_000 },
    );
    await current(page).getByText(`已显示全部${mainTotal}件`).waitFor();
    expect(await rows(page).count()).toBe(firstPage - 50 + mainTotal + 1);

    // Refresh (a reload stands for pulling down): back to one page.
    await page.reload();
    await current(page).getByText(`加载更多（已显示50件，共${mainTotal}件）`).waitFor();
    expect(phone.errors.filter((e) => !/stream/.test(e))).toEqual([]);
  }, 180_000);
});

describe('dates suggested with the server calendar', () => {
  // The next working day of the base calendar becomes a county holiday (e.g. 县庆).
  const holiday = defaultCalendar.addWorkingDays(today, 1);
  const withHoliday = createCalendar([{ date: holiday, kind: 'off' }]);
  let requestId: string;

  beforeAll(async () => {
    requestId = (await register(9100)).id;
    const admin = (await staffLogin(server, 'pw_admin')).accessToken;
    await api(`/api/staff/calendar/overrides/${holiday}`, jsonPost({ kind: 'off', name: '县庆', note: '测试' }, admin, 'PUT'));
  });

  /** Opens 告知补正 on the request and reads the suggested deadline. */
  async function suggestedCorrectionDue(page: Page): Promise<string> {
    await page.goto(`${server.url}/app/#/staff/request/index?id=${encodeURIComponent(requestId)}`);
    await current(page).locator('[data-action="request_correction"]').click();
    return current(page).locator('.st-field--correction-due .st-field__picker').innerText();
  }

  it('suggests the correction deadline and the registration reply deadline with the admin override', async () => {
    const page = phone.page;
    // A new session (the app fetches the calendar once per run; this page fetched it before the override).
    await page.reload();
    const expected = withHoliday.addWorkingDays(today, SUGGESTED_CORRECTION_PERIOD);
    expect(expected).not.toBe(defaultCalendar.addWorkingDays(today, SUGGESTED_CORRECTION_PERIOD));
    expect((await suggestedCorrectionDue(page)).trim()).toBe(expected);
    await current(page).locator('.st-field--correction-due').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-correction-calendar', { wholePage: false });
    // The server counts the same: the request's reply deadline moved by the holiday too.
    const detail = await api(`/api/staff/requests/${requestId}`, { headers: bearer(clerkToken) });
    expect(detail.dueOn).toBe(withHoliday.addWorkingDays(today, REPLY_PERIOD));

    await page.goto(`${server.url}/app/#/staff/register/index`);
    const hint = await current(page).locator('.st-field--received-on .st-field__hint').innerText();
    const [y, m, d] = withHoliday.addWorkingDays(today, REPLY_PERIOD).split('-').map(Number);
    expect(hint).toContain(`答复期限：${y}年${m}月${d}日`);
    await current(page).locator('.st-field--received-on').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-register-calendar', { wholePage: false });
  }, 60_000);

  it('offline: the copy stored on the device; without one, the built-in base calendar', async () => {
    const page = phone.page;
    await page.route('**/api/calendar', (route) => route.abort());
    try {
      await page.reload();
      expect((await suggestedCorrectionDue(page)).trim()).toBe(withHoliday.addWorkingDays(today, SUGGESTED_CORRECTION_PERIOD));
      await page.evaluate(() => localStorage.removeItem('zwgk:cache.calendar'));
      await page.reload();
      expect((await suggestedCorrectionDue(page)).trim()).toBe(defaultCalendar.addWorkingDays(today, SUGGESTED_CORRECTION_PERIOD));
    } finally {
      await page.unroute('**/api/calendar');
    }
  }, 60_000);
});
