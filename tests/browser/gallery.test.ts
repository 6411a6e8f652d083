import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, ensureBuilt } from '../miniapp/support/build';
import { startTestServer, type TestServer } from '../support/server';
import { launchPhone, overflowingText, overlappingText, screenshot, type PhoneBrowser } from './support/browser';

// The design system's gallery page (miniapp/src/dev/gallery) on a 375×667 phone, in normal and
// large-text mode: nothing overlaps, nothing sticks out, and the screenshots are there to look at.
// The gallery is only in the H5 build made with ZWGK_GALLERY=1 (dist/h5-gallery), never in the
// production build the server serves by default.

let server: TestServer;
let phone: PhoneBrowser;

beforeAll(async () => {
  const ms = ensureBuilt('h5-gallery');
  if (ms) console.log(`[miniapp] built h5-gallery in ${(ms / 1000).toFixed(1)} s`);
  server = await startTestServer({}, { h5Dir: distDir('h5-gallery') });
  phone = await launchPhone();
}, 6 * 60_000);

afterAll(async () => {
  await phone?.close();
  await server?.close();
});

it('lays out every component cleanly, also in large-text mode', async () => {
  const { page } = phone;
  await page.goto(`${server.url}/app/#/dev/gallery/index`);
  await page.getByText('申请已提交，申请编号 Y2026-0001').waitFor();
  const bubble = page.getByText('文件是《平武县2023年财政预算执行情况报告》。');
  const normal = await bubble.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  await screenshot(page, 'h5-gallery');
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
  for (const text of ['还剩 15 个工作日', '已超期 3 个工作日', '今天到期', '暂停计时', '3月30日截止']) await page.getByText(text).waitFor();

  // Button labels are readable: opaque text in a colour other than the button's own.
  const buttons = await page.locator('.zw-button:not(.zw-button--disabled)').evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor })),
  );
  expect(buttons.length).toBeGreaterThanOrEqual(4);
  for (const b of buttons) {
    expect(b.color).toMatch(/^rgb\(/); // rgba(…, 0.6) is Taro's disabled look
    expect(b.color).not.toBe(b.background);
  }

  await page.locator('taro-switch-core').first().click();
  await page.waitForFunction(() => document.querySelector('.zw-page.zw-large') !== null);
  const large = await bubble.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

  await screenshot(page, 'h5-gallery-large-text');
  expect(large).toBeGreaterThanOrEqual(normal * 1.25);
  expect(await overlappingText(page)).toEqual([]);
  expect(await overflowingText(page)).toEqual([]);
  expect(phone.errors).toEqual([]);
});

it('is not part of the production H5 build', () => {
  // The production build (dist/h5, built by the project's global setup) names no gallery route
  // or chunk; the gallery build does, so the search below can find it when it is there.
  const mentions = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|html)$/.test(file) && readFileSync(join(dir, file), 'utf8').includes('dev/gallery/index'));
  expect(mentions(distDir('h5-gallery')).length).toBeGreaterThan(0);
  expect(mentions(distDir('h5'))).toEqual([]);
});
