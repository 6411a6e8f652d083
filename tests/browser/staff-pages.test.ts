import type { Page } from 'playwright-core';
import { idCheckCharacter, legalDateOf } from '@zwgk/shared';
import { bearer, staffLogin } from '../support/auth';
import { startTestServer, type TestServer } from '../support/server';
import { launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The other pages of the staff console on a 375×667 phone against the real server with the demo
// data of 平武县: registering a letter at the counter (Art. 31 receipt date), the office head's
// supervision, and the annual report editor (the 2023 report behind the seed: tables from the
// records, a figure typed wrong in the narrative flagged at once and its cell highlighted).

let server: TestServer;
let phone: PhoneBrowser;
const today = legalDateOf(new Date());

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0' });
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

const current = (page: Page) => page.locator('.taro_page:visible').last();

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/app/#/staff/login/index`);
  const login = current(page);
  await login.locator('.st-field--username input').fill(username);
  await login.locator('.st-field--password input').fill('Pingwu-demo-2026');
  await login.getByText('登录', { exact: true }).click();
  await current(page).locator('.staff-inbox__title').waitFor();
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
}

it('refuses a wrong ID number field by field, then registers a letter with its receipt date', async () => {
  const { page } = phone;
  await signIn(page, 'pw_clerk');
  await current(page).getByText('登记来件').click();
  await current(page).getByText('来件方式与收到日期').waitFor();
  const form = current(page);
  await form.locator('.zw-chip').getByText('平常信函').click();
  await form.getByText('以平常信函提交的，以工作机构与申请人确认之日为收到申请之日', { exact: false }).waitFor();
  await form.locator('.st-field--name input').fill('刘桂兰');
  await form.locator('.st-field--id-number input').fill('510727195203150010'); // wrong check character
  await form.locator('.st-field--phone input').fill('13881612000');
  await form.locator('.st-field--address input').fill('四川省平武县龙安镇南街8号');
  await form.locator('.st-field--description textarea').fill('申请公开龙安镇2025年城乡居民最低生活保障对象的审批程序和标准');
  await form.getByText('登记并受理').click();
  await form.locator('.st-field--id-number .st-field__error').waitFor();
  expect(await form.locator('.st-field--id-number .st-field__error').textContent()).toContain('校验');
  await checkLayout(page, 'h5-staff-register-errors');
  // The refused registration (400 VALIDATION_FAILED) is expected; nothing else may fail.
  expect(phone.errors.filter((e) => !/\b400\b/.test(e))).toEqual([]);
  phone.errors.length = 0;

  const first17 = '51072719520315001';
  await form.locator('.st-field--id-number input').fill(first17 + idCheckCharacter(first17));
  await form.getByText('登记并受理').click();
  await form.getByText('已登记并受理').waitFor();
  const number = (await form.locator('.staff-register__big').first().textContent())!.trim();
  expect(number).toMatch(/^PWZF-\d{4}-\d{6}$/);
  await checkLayout(page, 'h5-staff-register-done');

  const clerk = await staffLogin(server, 'pw_clerk');
  const inbox = (await (await server.api('/api/staff/requests?channel=letter&state=received', { headers: bearer(clerk.accessToken) })).json()) as { items: any[] };
  expect(inbox.items.find((r) => r.number === number)).toMatchObject({ channel: 'letter', receivedOn: today, workingDaysLeft: 20, applicantName: '刘**' });
  expect(phone.errors).toEqual([]);
});

it('shows the office head what is late and about to be, by department, and the year’s outcomes', async () => {
  const { page } = phone;
  phone.errors.length = 0;
  await signIn(page, 'pw_reviewer');
  await current(page).getByText('督办', { exact: true }).click();
  const sup = current(page);
  await sup.getByText('各承办部门办理情况').waitFor();
  await sup.getByText(`${today.slice(0, 4)}年办理结果（年度报告表三口径）`).waitFor();
  // The demo data has an overdue request and one due within 3 working days.
  expect(await sup.locator('.st-row--overdue').count()).toBeGreaterThan(0);
  expect(await sup.locator('.st-row--due-soon').count()).toBeGreaterThan(0);
  await checkLayout(page, 'h5-staff-supervision');
  expect(phone.errors).toEqual([]);
});

it('edits the 2023 report: tables from the records, a wrong figure in the narrative flagged and its cell highlighted', async () => {
  const { page } = phone;
  phone.errors.length = 0;
  // The editor offers this year and the four before it, by the phone's clock: from 2028 on the seed's
  // 2023 report is no longer among them. The phone lives in January 2024, when the 2023 report is
  // written (published by 31 January); only its Date is fixed, timers run as usual. Last test of the
  // file: the context keeps that clock.
  await phone.context.clock.setFixedTime(new Date('2024-01-15T09:00:00+08:00'));
  await signIn(page, 'pw_reviewer');
  await current(page).getByText('年度报告', { exact: true }).click();
  const editor = current(page);
  await editor.getByText('2023年度').click();
  // The draft is computed from the records on its first view (slow on a busy machine).
  await editor.getByText('三、收到和处理政府信息公开申请情况（由办理记录生成）').waitFor({ timeout: 90_000 });
  // Table 三 of the seed: 7 new requests from natural persons, all concluded.
  await expectCell(editor, 'table3:new:total', '7');
  await expectCell(editor, 'table3:unable_not_held:natural_person', '3');

  const section5 = editor.locator('.st-field--narrative-section5 textarea');
  await section5.fill('本年度收到政府信息公开申请8件，答复质量仍需提高。');
  await editor.getByText('N1', { exact: false }).first().waitFor();
  expect(await editor.locator('[data-cell="table3:new:total"]').getAttribute('class')).toContain('st-rt__td--bad');
  await checkLayout(page, 'h5-staff-report-violation');

  await section5.fill('本年度收到政府信息公开申请7件，答复质量仍需提高。');
  await expectNoClass(editor.locator('[data-cell="table3:new:total"]'), 'st-rt__td--bad');
  await editor.getByText('勾稽关系全部通过').waitFor();

  // Section 二's own figures, then save and publish (the reviewer may; it freezes the year).
  for (const [field, value] of [['licensing', '128'], ['punishment', '36'], ['coercion', '2'], ['fees_wan_yuan', '0']]) {
    await editor.locator(`.st-field--${field} input`).fill(value!);
  }
  await editor.getByText('保存', { exact: true }).click();
  await editor.getByText('表二尚未填写', { exact: false }).waitFor({ state: 'detached', timeout: 90_000 });
  await editor.locator('.zw-button--primary').getByText('发布年度报告').click();
  await page.locator('.taro-model__confirm').click();
  await editor.locator('.staff-report__status').getByText('已发布').waitFor({ timeout: 90_000 });
  await page.waitForTimeout(2000); // the "已发布" toast (1.5 s) floats over the page
  await checkLayout(page, 'h5-staff-report-published');
  const published = (await (await server.api('/api/reports/pingwu-gov-office/2023')).json()) as any;
  expect(published).toMatchObject({ status: 'published', edition: { n: 1 } });
  expect(published.report.section2).toMatchObject({ licensing: 128, punishment: 36, coercion: 2, fees_wan_yuan: 0 });
  expect(published.report.narrative.section5).toBe('本年度收到政府信息公开申请7件，答复质量仍需提高。');
  expect(phone.errors).toEqual([]);
}, 300_000);

async function expectCell(scope: ReturnType<Page['locator']>, cell: string, value: string): Promise<void> {
  const el = scope.locator(`[data-cell="${cell}"]`);
  await el.waitFor();
  expect((await el.textContent())?.trim()).toBe(value);
}

async function expectNoClass(el: ReturnType<Page['locator']>, cls: string): Promise<void> {
  for (let i = 0; i < 50 && ((await el.getAttribute('class')) ?? '').includes(cls); i += 1) await new Promise((r) => setTimeout(r, 100));
  expect(await el.getAttribute('class')).not.toContain(cls);
}
