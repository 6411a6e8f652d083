import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT, startTestServer, type TestServer } from '../support/server';
import { firstContentfulPaint, launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The citizen's journey in the H5 build, served by the real server (demo mode, embedded database)
// in headless Chromium on a 375×667 phone: sign in with the demo citizen, file a request through
// the guided conversation, see it in the list, watch a staff reply (made through the API) arrive
// in the open thread and the notification count rise without a reload, and read the seed county's
// 2023 figures with their share card. Every step is screenshotted to tests/artifacts/citizen-*.png.

let server: TestServer;
let phone: PhoneBrowser;
let page: Page;
const STAFF = { username: 'pw_clerk', password: 'Pingwu-demo-2026' };

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', STREAM_HEARTBEAT_MS: '1000' });
  phone = await launchPhone();
  page = phone.page;
}, 120_000);

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

/** The page on top of Taro's H5 page stack (pages below it stay in the DOM, hidden). */
const current = (): Locator => page.locator('.taro_page:visible');

async function clean(name: string): Promise<void> {
  await page.waitForTimeout(300); // let transitions and images settle before the shot
  await screenshot(page, name);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
}

async function staffToken(): Promise<string> {
  const res = await server.api('/api/auth/staff', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(STAFF) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function staffReply(requestId: string, text: string): Promise<void> {
  const res = await server.api(`/api/staff/requests/${encodeURIComponent(requestId)}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await staffToken()}` },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(201);
}

/** Answers the open question of the filing conversation with text. */
async function say(text: string): Promise<void> {
  const turn = current().locator('.filing__turn--current');
  await turn.locator('input, textarea').first().fill(text);
  await turn.getByText('发送', { exact: true }).click();
}

async function asked(question: string): Promise<void> {
  await current().locator('.filing__turn--current').getByText(question, { exact: true }).waitFor();
}

/** Re-reads `read` until `ok` holds (or the timeout passes); returns the last value. */
async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await page.waitForTimeout(200);
    value = await read();
  }
  return value;
}

async function unreadBadge(): Promise<number> {
  const badge = current().locator('.zw-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.first().textContent());
}

it('home: first contentful paint', async () => {
  await page.goto(`${server.url}/app/`);
  await current().getByText('申请政府信息公开').waitFor();
  const fcp = await firstContentfulPaint(page);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').reduce((sum, r) => sum + (r as PerformanceResourceTiming).encodedBodySize, 0));
  await page.reload();
  await current().getByText('申请政府信息公开').waitFor();
  const warm = await firstContentfulPaint(page);
  console.log(`H5 home first contentful paint: ${fcp.toFixed(0)} ms cold (${(loaded / 1024).toFixed(0)} KB of JS/CSS), ${warm.toFixed(0)} ms reloaded`);
  expect(fcp).toBeLessThan(5000);
  await clean('citizen-01-home');
});

it('signs in as the demo citizen from Me', async () => {
  await current().getByText('我的 · 大字模式').click();
  await current().getByText('演示登录', { exact: true }).click();
  await current().getByText('退出登录').waitFor();
  await clean('citizen-02-me-signed-in');
});

let requestId = '';
let number = '';
let queryCode = '';

it('files a request through the guided conversation', async () => {
  await page.goto(`${server.url}/app/#/pages/file/index`);
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await current().getByText('平武县人民政府办公室', { exact: true }).click();
  await asked('您以什么身份申请？');
  await current().getByText('个人（公民）', { exact: true }).click();
  await asked('请问您的姓名？');
  await say('张三');
  await current().getByText('居民身份证', { exact: true }).click();
  await asked('请输入证件号码');
  await say('110105194912310021');
  // The shared schema's message, shown on the spot.
  await current().getByText('居民身份证号码校验位不正确，请核对').waitFor();
  await clean('citizen-03-filing-error');
  await say('11010519491231002X');
  await asked('您的联系电话？');
  await say('13812341234');
  await asked('您需要的信息，知道文件名称吗？');
  await say('平武县2025年度财政预算执行情况报告');
  await asked('知道文号吗？');
  await current().locator('.filing__turn--current').getByText('跳过', { exact: true }).click();
  await asked('请具体描述您需要的政府信息');
  await say('平武县2025年度财政预算执行情况报告全文及附表');
  await asked('希望以什么形式获得这些信息？');
  await current().locator('.filing__turn--current').getByText('电子邮件', { exact: true }).click();
  await asked('希望通过什么方式获取？');
  await current().locator('.filing__turn--current').getByText('电子邮件', { exact: true }).click();
  await asked('请填写电子邮箱');
  await say('zhangsan@example.com');
  await asked('最后，愿意说明一下用途吗？');
  await clean('citizen-04-filing-conversation');
  await current().locator('.filing__turn--current').getByText('跳过', { exact: true }).click();

  await current().getByText('请核对您的申请').waitFor();
  await current().getByText(/本人承诺以上信息真实/).click();
  await clean('citizen-05-filing-summary');
  await current().getByText('确认提交', { exact: true }).click();

  await current().getByText('申请已提交').waitFor();
  const values = await current().locator('.receipt__value').allTextContents();
  number = values[0]!.trim();
  queryCode = values[1]!.trim();
  expect(number).toMatch(/^PWZF/);
  expect(queryCode.length).toBeGreaterThanOrEqual(6);
  await clean('citizen-06-receipt');
});

it('shows the new request in my list with its status', async () => {
  await page.goto(`${server.url}/app/#/pages/requests/index`);
  const row = current().locator('.requests__row').filter({ hasText: number });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('平武县2025年度财政预算执行情况报告');
  await clean('citizen-07-list');
  await row.click();
  await current().getByText('期限是怎么算的？点此展开').waitFor();
  requestId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? '';
  expect(requestId).not.toBe('');
});

it('shows a staff reply in the open thread without a reload', async () => {
  await current().getByText('期限是怎么算的？点此展开').click();
  await current().locator('.zw-clock__step').first().waitFor();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

  await staffReply(requestId, '您好，已收到您的申请，我们正在查找相关材料。');
  await current().getByText('您好，已收到您的申请，我们正在查找相关材料。').waitFor({ timeout: 10_000 });
  expect(navigations).toEqual([]);
  await clean('citizen-08-thread-live-reply');
});

it('attaches a file to the conversation', async () => {
  // A 1×1 PNG: the server recognises the type from the content.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const chooser = page.waitForEvent('filechooser');
  await current().getByText('添加附件', { exact: true }).click();
  await (await chooser).setFiles({ name: '身份证明.png', mimeType: 'image/png', buffer: png });
  await current().getByText(/身份证明\.png/).waitFor({ timeout: 10_000 });
  await clean('citizen-09-thread-attachment');
});

it('shows the due date once the office confirms receipt, with the note of an unconfirmed holiday year beside it', async () => {
  const token = await staffToken();
  const auth = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const detail = (await (await server.api(`/api/staff/requests/${encodeURIComponent(requestId)}`, { headers: auth })).json()) as { version: number };
  const res = await server.api(`/api/staff/requests/${encodeURIComponent(requestId)}/actions`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'confirm_receipt', version: detail.version }) });
  expect(res.status).toBe(200);
  const { clock } = (await res.json()) as { clock: { dueOn: string; provisionalNote: string | null } };

  await current().getByText(/^答复期限：/).waitFor({ timeout: 10_000 });
  const notes = current().locator('.zw-clock .zw-provisional');
  if (clock.provisionalNote) await notes.getByText(clock.provisionalNote).waitFor();
  expect(await notes.count()).toBe(clock.provisionalNote ? 1 : 0);
  // Told beside the date only, not again in the explanation below it.
  expect(await current().locator('.zw-clock__explain').getByText('调休安排未公布').count()).toBe(0);
  await clean('citizen-09b-thread-received');
});

it('raises the notification count on the home page live', async () => {
  await page.goto(`${server.url}/app/`);
  await current().getByText('消息通知').waitFor();
  await page.waitForTimeout(1000); // the live stream is open once its ticket is fetched
  const before = await unreadBadge();

  await staffReply(requestId, '补充说明：预计本周内答复。');
  expect(await poll(unreadBadge, (n) => n === before + 1)).toBe(before + 1);
  await clean('citizen-10-home-unread');

  await current().getByText('消息通知', { exact: true }).click();
  await current().getByText('补充说明：预计本周内答复。').waitFor();
  await clean('citizen-11-notifications');
});

it('looks the request up by 申请编号 and 查询码 without signing in', async () => {
  await page.evaluate(() => localStorage.clear()); // signed out
  await page.goto(`${server.url}/app/#/lookup/status/index`);
  const inputs = current().locator('input');
  await inputs.nth(0).fill(number);
  await inputs.nth(1).fill('WRONGCODE1');
  await current().getByText('查询', { exact: true }).click();
  await current().locator('.lookup__error').waitFor();
  await inputs.nth(1).fill(queryCode);
  await current().getByText('查询', { exact: true }).click();
  const result = current().locator('.lookup__result');
  await result.waitFor();
  await expect(result.textContent()).resolves.toContain('已受理，办理中'); // confirmed by the office above
  await expect(result.textContent()).resolves.not.toContain('张三');
  await clean('citizen-12-lookup');
});

it("shows the seed county's 2023 figures from a share path, and the share card loads", async () => {
  const anonymous = await server.api('/api/reports/pingwu-gov-office/2023');
  if (anonymous.status === 404) {
    // No published edition in the demo data yet: import the seed report as the published one.
    const text = readFileSync(join(REPO_ROOT, 'shared/src/report/fixtures/pingwu-2023.txt'), 'utf8');
    const login = await server.api('/api/auth/staff', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'pw_admin', password: STAFF.password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await server.api('/api/reports/pingwu-gov-office/import', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ text, publishedOn: '2024-01-20' }) });
    expect([200, 201]).toContain(res.status);
  }

  await page.goto(`${server.url}/app/#/report/figures/index?body=pingwu-gov-office&year=2023`);
  const highlights = current().locator('.highlights');
  await highlights.waitFor();
  const tile = (label: string) => highlights.locator('.highlights__tile').filter({ hasText: label }).locator('.highlights__value');
  await expect(tile('本年新收申请').textContent()).resolves.toBe('7');
  await expect(tile('本年办结').textContent()).resolves.toBe('7');
  await expect(tile('行政复议').textContent()).resolves.toBe('1');
  await expect(tile('行政诉讼').textContent()).resolves.toBe('2');
  await current().getByText('三、收到和处理政府信息公开申请情况').waitFor();
  await clean('citizen-13-figures');

  const cardResponse = page.waitForResponse((r) => /\/api\/cards\/pingwu-gov-office\/2023\/chat\.png/.test(r.url()));
  await current().getByText('分享数据卡片', { exact: true }).click();
  expect((await cardResponse).status()).toBe(200);
  const card = current().locator('.share-panel__card img, img.share-panel__card').first();
  expect(await poll(() => card.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), (w) => w > 0, 15_000)).toBeGreaterThan(0);
  const ratio = await card.evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight);
  expect(ratio).toBeCloseTo(5 / 4, 1);
  await expect(current().locator('.share-panel__link').textContent()).resolves.toContain('/share/pingwu-gov-office/2023');
  await clean('citizen-14-share-card');
  // Expected 4xx: the wrong 查询码 (404), reports looked up before one is published (404).
  expect(phone.errors.filter((e) => !/HTTP 404 .*\/api\/(reports|lookup)/.test(e) && !/status of 404/.test(e))).toEqual([]);
});

it('lays out the figures and the filing conversation in large-text mode (适老化) without overlaps', async () => {
  await page.goto(`${server.url}/app/#/pages/me/index`);
  await current().getByText('大字模式', { exact: true }).waitFor();
  await current().locator('taro-switch-core').first().click();
  await page.goto(`${server.url}/app/#/report/figures/index?body=pingwu-gov-office&year=2023`);
  await current().locator('.highlights').waitFor();
  const size = await current().locator('.highlights__label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(16); // --zw-fs-xs is 12px normally, 16px in large-text mode
  await clean('citizen-15-figures-large-text');

  await page.goto(`${server.url}/app/#/pages/file/index`);
  await asked('您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？');
  await current().getByText('平武县教育局', { exact: true }).click();
  await asked('您以什么身份申请？');
  await clean('citizen-16-filing-large-text');
});
