// Headless Chromium for H5 end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core
// (Playwright cannot download its own browsers here). A phone-sized page (375×667, touch, zh-CN)
// in a fresh profile; screenshots go to tests/artifacts/ (git-ignored).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = resolve(__dirname, '../../artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline apart from the pages we open (see taro.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE_VIEWPORT = { width: 375, height: 667 };

export interface PhoneBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions and failed HTTP responses of the page (e.g. a CSP violation), for assertions. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchPhone(options: { viewport?: { width: number; height: number } } = {}): Promise<PhoneBrowser> {
  // Playwright wants the profile dir as launchPersistentContext's first argument, not in args.
  const profile = mkdtempSync(join(tmpdir(), 'zwgk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until no finite CSS animation or transition is running. Taro's H5 router slides a new page
 * in from the right: measured or shot mid-slide, the page sticks out of the viewport (seen in CI
 * under load as a supervision page "overflowing" by 200 px). Endless ones (spinners) are ignored.
 */
export async function settled(page: Page, timeoutMs = 5000): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}

/**
 * Screenshot to tests/artifacts/<name>.png; returns the path. Taro's H5 pages scroll inside their
 * own container, so Playwright's fullPage sees only the viewport: for the whole page the viewport
 * is stretched to the content's height for the shot, then restored.
 */
export async function screenshot(page: Page, name: string, options: { wholePage?: boolean } = { wholePage: true }): Promise<string> {
  await settled(page);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  const viewport = page.viewportSize() ?? PHONE_VIEWPORT;
  const contentHeight = options.wholePage
    ? await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll<HTMLElement>('.taro_page, .taro_router, body')).map((el) => el.scrollHeight)))
    : viewport.height;
  if (contentHeight > viewport.height) await page.setViewportSize({ width: viewport.width, height: contentHeight });
  try {
    await page.screenshot({ path });
  } finally {
    if (contentHeight > viewport.height) await page.setViewportSize(viewport);
  }
  return path;
}

/** First contentful paint of the current document in ms (from the Paint Timing API). */
export async function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolvePaint, reject) => {
        const [entry] = performance.getEntriesByName('first-contentful-paint');
        if (entry) return resolvePaint(entry.startTime);
        const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 10 s')), 10_000);
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) {
            clearTimeout(timer);
            resolvePaint(fcp.startTime);
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/**
 * Elements whose boxes overlap (text on top of text): the visible leaf elements under `root`
 * that intersect a sibling-or-cousin leaf. Empty when the layout is clean.
 */
export async function overlappingText(page: Page, root = 'body'): Promise<string[]> {
  await settled(page);
  return page.evaluate((selector) => {
    const leaves = Array.from(document.querySelectorAll<HTMLElement>(`${selector} *`)).filter((el) => {
      if (el.children.length > 0 || !(el.textContent ?? '').trim()) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    const boxes = leaves.map((el) => ({ text: (el.textContent ?? '').trim(), r: el.getBoundingClientRect() }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1 && overlapY > 1) found.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
      }
    }
    return found;
  }, root);
}

/** Leaf text elements that stick out of the viewport's width (horizontal overflow on a phone). */
export async function overflowingText(page: Page): Promise<string[]> {
  await settled(page);
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.children.length === 0 && (el.textContent ?? '').trim())
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1);
      })
      .map((el) => (el.textContent ?? '').trim());
  });
}
