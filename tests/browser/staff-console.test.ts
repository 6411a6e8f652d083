import type { Page } from 'playwright-core';
import { idCheckCharacter, legalDateOf, type FilingInput } from '@zwgk/shared';
import { bearer, devCitizen, jsonPost } from '../support/auth';
import { startTestServer, type TestServer } from '../support/server';
import { launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The staff console (miniapp/src/staff) in headless Chromium on a 375×667 phone against the real
// server and embedded database, with the demo accounts of 平武县: a citizen files a request through
// the API; the clerk signs in, finds it at the top of the inbox, confirms it and asks for a
// correction (every point at once, with a deadline); the citizen corrects (API) and the open page
// updates by itself; the clerk decides 无法提供 · 本机关不掌握 naming the responsible body; the
// reviewer approves; the clerk delivers — and the citizen's API shows the notice.

let server: TestServer;
let clerkPhone: PhoneBrowser;
let reviewerPhone: PhoneBrowser;
let citizenToken: string;
let requestId: string;
let requestNumber: string;
const today = legalDateOf(new Date());

const idNumber = (() => {
  const first17 = '51072719800514123';
  return first17 + idCheckCharacter(first17);
})();

const filing: FilingInput = {
  applicant: { applicantType: 'natural_person', name: '张三', idType: 'resident_id', idNumber, phone: '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
  bodyId: 'pingwu-gov-office',
  description: '请提供平武县南坝镇2024年农村公路建设项目的用地审批文件',
  medium: 'paper',
  delivery: 'post',
  declaration: true,
};

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0' });
  citizenToken = (await devCitizen(server, '张三')).accessToken;
  const res = await server.api('/api/requests', { ...jsonPost(filing, citizenToken), headers: { ...jsonPost(filing, citizenToken).headers, 'idempotency-key': 'staff-e2e-0001' } });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { number: string; request: { id: string } };
  requestId = body.request.id;
  requestNumber = body.number;
  clerkPhone = await launchPhone();
  reviewerPhone = await launchPhone();
});

afterAll(async () => {
  await clerkPhone?.close();
  await reviewerPhone?.close();
  await server?.close();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${server.url}/app/#/staff/login/index`);
  await page.locator('.st-field--username input').fill(username);
  await page.locator('.st-field--password input').fill('Pingwu-demo-2026');
  await page.getByText('登录', { exact: true }).click();
  await page.locator('.staff-inbox__title').waitFor();
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
}

/** The visible page (Taro keeps earlier pages of the stack in the DOM, hidden). */
const current = (page: Page) => page.locator('.taro_page:visible').last();

async function act(page: Page, action: string): Promise<void> {
  await current(page).locator(`[data-action="${action}"]`).click();
}

/** The submit button of the open action form. */
async function confirmAction(page: Page): Promise<void> {
  await current(page).locator('.st-actions__panel .zw-button--primary').click();
}

async function citizenView(): Promise<any> {
  const res = await server.api(`/api/requests/${requestId}`, { headers: bearer(citizenToken) });
  expect(res.status).toBe(200);
  return res.json();
}

it('signs in and shows the new request at the top of the inbox, by legal deadline', async () => {
  const { page } = clerkPhone;
  await signIn(page, 'pw_clerk');
  // New online submissions come first (their clock starts only when confirmed, Art. 31), then the rest by deadline.
  await current(page).getByText('新收申请 · 待确认受理', { exact: false }).waitFor();
  const first = current(page).locator('.st-row').first();
  await first.locator('.st-row__number').getByText(requestNumber).waitFor();
  await first.getByText('待确认受理').waitFor();
  await current(page).locator('.staff-inbox__user').getByText('平武县人民政府办公室 · 李晓燕', { exact: false }).waitFor();
  await checkLayout(page, 'h5-staff-inbox');
  expect(clerkPhone.errors).toEqual([]);
});

it('shows the identity only on request, confirms receipt, asks for a correction listing every point with its deadline, and replies with a quick reply', async () => {
  const { page } = clerkPhone;
  await current(page).locator('.st-row').first().click();
  await current(page).getByText(requestNumber).waitFor();
  await current(page).getByText('尚未确认受理（不计时）').waitFor();
  // Masked by default; the full identity on request (the server audits the view).
  expect(await current(page).getByText(idNumber).count()).toBe(0);
  await current(page).getByText('查看完整身份信息（查看行为将被记录）').click();
  await current(page).getByText(idNumber).waitFor();

  await act(page, 'confirm_receipt');
  await current(page).getByText('自该日起计算20个工作日的答复期限', { exact: false }).waitFor();
  await confirmAction(page);
  await current(page).getByText('还剩 20 个工作日').first().waitFor();

  await act(page, 'request_correction');
  const panel = current(page).locator('.st-actions__panel');
  await panel.getByText('须一次性列明全部需要补正的事项', { exact: false }).waitFor();
  await panel.locator('.st-field--correction-item-0 textarea').fill('请写明所需用地审批文件的项目名称');
  await panel.getByText('＋ 再加一项补正事项').click();
  await panel.locator('.st-field--correction-item-1 textarea').fill('请说明所需文件的大致形成时间');
  await checkLayout(page, 'h5-staff-correction-form');
  await panel.locator('.zw-button--primary').getByText('确认告知补正').click();
  await current(page).locator('.staff-request__item').getByText('1. 请写明所需用地审批文件的项目名称').waitFor();
  await current(page).locator('.staff-request__item').getByText('2. 请说明所需文件的大致形成时间').waitFor();
  await current(page).getByText('等待补正').first().waitFor();

  // A quick reply, filled with the request's facts, reaches the applicant's thread.
  await current(page).locator('.staff-request__reply .zw-chip').getByText('请核实联系方式').click();
  await current(page).getByText('发送消息').click();
  await current(page).locator('.zw-chat--staff').getByText('请核实您的联系电话和通信地址是否准确', { exact: false }).waitFor();

  const d = await citizenView();
  expect(d.thread.some((i: any) => i.kind === 'message' && i.text.includes('请核实您的联系电话和通信地址是否准确'))).toBe(true);
  expect(d.phase).toBe('correction_requested');
  expect(d.correction.items).toEqual(['请写明所需用地审批文件的项目名称', '请说明所需文件的大致形成时间']);
  expect(d.correction.dueOn > today).toBe(true);
  expect(clerkPhone.errors).toEqual([]);
});

it('updates the open page by itself when the citizen corrects, then decides 本机关不掌握 naming the responsible body', async () => {
  const { page } = clerkPhone;
  const before = await citizenView();
  const res = await server.api(`/api/requests/${requestId}/correction`, jsonPost({ answers: ['南坝镇至水晶镇农村公路', '2024年上半年'], version: before.version }, citizenToken));
  expect(res.status).toBe(200);
  // No reload: the live stream tells the page to look again.
  await current(page).locator('[data-action="decide"]').waitFor({ timeout: 10_000 });
  await current(page).getByText('南坝镇至水晶镇农村公路', { exact: false }).first().waitFor();

  await act(page, 'decide');
  await current(page).locator('.st-outcomes').waitFor();
  for (const group of ['（一）予以公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']) await current(page).getByText(group).waitFor();
  await current(page).locator('[data-outcome="unable_not_held"]').click();
  await current(page).locator('.st-field--extra-responsibleBody textarea').fill('平武县自然资源局');
  await current(page).locator('.st-field--extra-responsibleContact textarea').fill('0816-8822000');
  const notice = current(page).locator('.st-field--notice textarea');
  await expectValue(notice, '负责公开该政府信息的行政机关为平武县自然资源局（联系方式：0816-8822000）');
  expect(await notice.inputValue()).toContain(requestNumber);
  expect(await notice.inputValue()).toContain('第三十六条第（五）项');
  await checkLayout(page, 'h5-staff-decide');
  await current(page).getByText('提交审核').click();
  await current(page).getByText('答复待审核').first().waitFor();
  expect(clerkPhone.errors).toEqual([]);
});

async function expectValue(locator: ReturnType<Page['locator']>, fragment: string): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    if ((await locator.inputValue()).includes(fragment)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.inputValue()).toContain(fragment);
}

it('the reviewer approves, the clerk delivers, and the citizen sees the notice', async () => {
  const { page } = reviewerPhone;
  await signIn(page, 'pw_reviewer');
  await current(page).locator('.st-row').filter({ hasText: requestNumber }).click();
  await act(page, 'approve');
  await current(page).locator('.st-actions__panel').getByText('拟答复：无法提供 · 本机关不掌握相关政府信息').waitFor();
  await checkLayout(page, 'h5-staff-approve');
  await confirmAction(page);
  await current(page).getByText('已审核，待送达').first().waitFor();
  expect(reviewerPhone.errors).toEqual([]);

  const clerk = clerkPhone.page;
  await current(clerk).locator('[data-action="deliver"]').waitFor({ timeout: 10_000 });
  await act(clerk, 'deliver');
  await confirmAction(clerk);
  await current(clerk).getByText('已答复').first().waitFor();
  await checkLayout(clerk, 'h5-staff-delivered');

  const d = await citizenView();
  expect(d.phase).toBe('delivered');
  // The recorded basis is the item that applies: another body is responsible (Art. 36(五)).
  expect(d.decision).toMatchObject({ outcome: 'unable_not_held', outcomeGroupLabel: '无法提供', legalBasis: '《条例》第三十六条第（五）项' });
  expect(d.decision.replyText).toContain('负责公开该政府信息的行政机关为平武县自然资源局');
  expect(d.decision.replyText).toContain('政府信息公开申请告知书');
  expect(clerkPhone.errors).toEqual([]);
});
