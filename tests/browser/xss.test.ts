// Stored XSS (issue 9, security suite): hostile text stored through the API — a request's
// description and title, citizen messages, staff replies, an attachment name, a content item's title
// and body, a report's narrative — is rendered by the H5 app (the citizen's thread, the staff request
// page) and by the server's own pages (public item page, report HTML, share page) in headless
// Chromium. Every payload sets a window flag or opens a dialog if it runs; the flag must stay unset,
// no dialog may open, and the hostile text must be on screen as text (so it was rendered, escaped).
// Screenshots: tests/artifacts/xss-*.png.
import type { Page } from 'playwright-core';
import { idCheckCharacter, legalDateOf } from '@zwgk/shared';
import { bearer, jsonPost, staffLogin } from '../support/auth';
import { startTestServer, type TestServer } from '../support/server';
import { launchPhone, screenshot, type PhoneBrowser } from './support/browser';

const BODY = 'pingwu-gov-office';
/** Each payload would set window.__xss (or alert) if it ever ran. */
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img';alert('img')">`,
  `<script>window.__xss='script';alert('script')</script>`,
  `<svg onload="window.__xss='svg'"></svg>`,
  `<a href="javascript:window.__xss='link'">点我</a>`,
  `"><iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
];
const MESSAGE = `请问进度？${PAYLOADS.join(' ')}`;

let server: TestServer;
let phone: PhoneBrowser;
let citizenToken: string;
let requestId: string;
const dialogs: string[] = [];

const idNumber = (() => {
  const first17 = '51072719800514123';
  return first17 + idCheckCharacter(first17);
})();

beforeAll(async () => {
  server = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0', RATE_LIMIT_SIGNIN: 'off' });
  // The same demo citizen the H5 app's 演示登录 signs in as (no name given).
  const signIn = await server.api('/api/auth/dev-citizen', jsonPost({}));
  citizenToken = ((await signIn.json()) as { accessToken: string }).accessToken;
  const filing = {
    applicant: { applicantType: 'natural_person', name: '张三', idType: 'resident_id', idNumber, phone: '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
    bodyId: BODY,
    description: `请提供以下文件：${PAYLOADS[0]}${PAYLOADS[1]}`,
    documentTitle: `<b>标题</b>${PAYLOADS[2]}`,
    medium: 'paper',
    delivery: 'post',
    declaration: true,
  };
  const filed = await server.api('/api/requests', { ...jsonPost(filing, citizenToken), headers: { ...jsonPost(filing, citizenToken).headers, 'idempotency-key': 'xss-request-0001' } });
  const filedBody = (await filed.json()) as { request?: { id: string } };
  if (filed.status !== 201) throw new Error(`filing: ${filed.status} ${JSON.stringify(filedBody)}`);
  requestId = filedBody.request!.id;
  expect((await server.api(`/api/requests/${requestId}/messages`, jsonPost({ text: MESSAGE }, citizenToken))).status).toBe(201);
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('说明\n')]), `"><img src=x onerror=window.__xss='name'>.txt`);
  form.append('text', PAYLOADS[3]!);
  await server.api(`/api/requests/${requestId}/attachments`, { method: 'POST', headers: bearer(citizenToken), body: form });
  const clerk = (await staffLogin(server, 'pw_clerk')).accessToken;
  expect((await server.api(`/api/staff/requests/${requestId}/messages`, jsonPost({ text: `已收到。${PAYLOADS[4]}` }, clerk))).status).toBe(201);
  phone = await launchPhone();
  phone.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

const current = (page: Page) => page.locator('.taro_page:visible').last();

async function expectInert(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500); // let any image error / load handler fire
  await screenshot(page, name);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
  expect(await page.evaluate(() => document.querySelectorAll('iframe, .taro_page script').length)).toBe(0);
  expect(dialogs).toEqual([]);
}

it('the citizen’s thread shows hostile messages as text, and nothing runs', async () => {
  const { page } = phone;
  await page.goto(`${server.url}/app/`);
  await current(page).getByText('我的 · 大字模式').click();
  await current(page).getByText('演示登录', { exact: true }).click();
  await current(page).getByText('退出登录').waitFor();
  await page.goto(`${server.url}/app/#/pages/thread/index?id=${encodeURIComponent(requestId)}`);
  await current(page).getByText(PAYLOADS[0]!, { exact: false }).first().waitFor({ timeout: 15_000 });
  await current(page).getByText(`已收到。${PAYLOADS[4]}`, { exact: false }).first().waitFor();
  await expectInert(page, 'xss-citizen-thread');
});

it('the staff request page shows the hostile request and messages as text, and nothing runs', async () => {
  const { page } = phone;
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.url}/app/#/staff/login/index`);
  await page.locator('.st-field--username input').fill('pw_clerk');
  await page.locator('.st-field--password input').fill('Pingwu-demo-2026');
  await page.getByText('登录', { exact: true }).click();
  await page.locator('.staff-inbox__title').waitFor();
  await page.goto(`${server.url}/app/#/staff/request/index?id=${encodeURIComponent(requestId)}`);
  await current(page).getByText(PAYLOADS[0]!, { exact: false }).first().waitFor({ timeout: 15_000 });
  await expectInert(page, 'xss-staff-request');
});

it('the server-rendered pages (public item, report HTML, share page) render staff-entered hostile text inertly', async () => {
  const { page } = phone;
  const clerk = (await staffLogin(server, 'pw_clerk')).accessToken;
  const reviewer = (await staffLogin(server, 'pw_reviewer')).accessToken;
  const admin = (await staffLogin(server, 'pw_admin')).accessToken;
  const handler = (await staffLogin(server, 'pw_handler')).accessToken;
  const ok = async (res: Promise<Response>, what: string) => {
    const r = await res;
    const body = (await r.json()) as Record<string, unknown>;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(body)}`);
    return body;
  };
  // A content item with a hostile title and body, reviewed by four people and published.
  let item = await ok(server.api('/api/media/items', jsonPost({ category: 'news', title: `通知${PAYLOADS[1]}`, bodyHtml: `<p>正文</p>${PAYLOADS.join('')}<p onclick="window.__xss='p'">段落</p>`, origin: 'original' }, clerk)), 'item');
  for (const [token, step] of [[clerk, 'first_review'], [handler, 'second_review'], [reviewer, 'final_review'], [admin, 'secrecy_check']] as const) {
    item = await ok(server.api(`/api/media/items/${item.id}/reviews`, jsonPost({ version: item.version, step }, token)), step);
  }
  const weibo = await ok(server.api('/api/media/accounts', jsonPost({ platform: 'weibo', name: '测试微博', openedOn: '2020-01-01', credentials: { accessToken: 'xss-test' } }, clerk)), 'account');
  await ok(server.api(`/api/media/items/${item.id}/publish`, jsonPost({ version: item.version, accountIds: [weibo.id] }, clerk)), 'publish');

  // A report whose narrative carries the payloads, published.
  const year = Number(legalDateOf(new Date()).slice(0, 4)) - 1;
  const narrative = { section1: `总体情况${PAYLOADS.join('')}`, section5: `问题${PAYLOADS[0]}`, section6: '无' };
  const section2 = { licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0, rules: [0, 0, 0], normative_docs: [0, 0, 0] };
  const inputs = (await ok(server.api(`/api/reports/${BODY}/${year}/inputs`, { headers: bearer(reviewer) }), 'inputs')) as { version: number };
  await ok(server.api(`/api/reports/${BODY}/${year}/inputs`, jsonPost({ version: inputs.version, section2, narrative }, reviewer, 'PUT')), 'save inputs');
  const published = await server.api(`/api/reports/${BODY}/${year}/publish`, jsonPost({}, reviewer));

  const pages: Array<[string, string, string]> = [
    ['xss-public-item', `/public/items/${item.id}`, '通知<script>'],
    ...(published.status === 201
      ? ([
          ['xss-report-html', `/api/reports/${BODY}/${year}.html`, '总体情况<img'],
          ['xss-share-page', `/share/${BODY}/${year}`, ''],
        ] as Array<[string, string, string]>)
      : []),
  ];
  expect([published.status, pages.length]).toEqual([201, 3]);
  for (const [name, path, visible] of pages) {
    await page.goto(`${server.url}${path}`);
    if (visible) await page.getByText(visible, { exact: false }).first().waitFor();
    await expectInert(page, name);
    expect(await page.evaluate(() => document.querySelectorAll('script, [onerror], [onload], [onclick], [href^="javascript:"]').length)).toBe(0);
  }
});
