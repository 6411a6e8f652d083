import { startTestServer, type TestServer } from '../support/server';
import { firstContentfulPaint, launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The H5 build served by the real server at /app/, in headless Chromium on a 375×667 phone.

let server: TestServer;
let phone: PhoneBrowser;

beforeAll(async () => {
  server = await startTestServer();
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

it('shows the home page quickly, in Chinese, without overlaps', async () => {
  const { page } = phone;
  await page.goto(`${server.url}/app/`);
  await page.getByText('申请政府信息公开').waitFor();

  const fcp = await firstContentfulPaint(page);
  console.log(`H5 home first contentful paint: ${fcp.toFixed(0)} ms`);
  await screenshot(page, 'h5-home');

  for (const entry of ['我的申请', '查询办理状态', '本县政务公开数据', '工作人员入口']) await page.getByText(entry).waitFor();
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
  expect(phone.errors).toEqual([]);
  expect(fcp).toBeLessThan(5000); // WeChat's audit allows 5 s for the first screen; localhost is far below
});

it('enlarges every page in large-text mode (适老化)', async () => {
  const { page } = phone;
  await page.goto(`${server.url}/app/`);
  const title = page.getByText('申请政府信息公开');
  const normalSize = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  await page.getByText('我的 · 大字模式').click();
  await page.getByText('大字模式', { exact: true }).waitFor();
  await page.locator('.zw-page').last().locator('taro-switch-core input, taro-switch-core').first().click();
  await page.goBack();
  await title.waitFor();

  const largeSize = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await screenshot(page, 'h5-home-large-text');
  expect(largeSize).toBeGreaterThanOrEqual(normalSize * 1.25);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
  expect(phone.errors).toEqual([]);
});
