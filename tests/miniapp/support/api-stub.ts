// A stand-in for the server behind wx.request in miniprogram-simulate: routes by method and path,
// records every call (with headers and body), answers asynchronously like the real network.
import exparser from 'miniprogram-exparser';
import type { SimulatedPage, WxStub } from './simulate';

export interface StubCall {
  method: string;
  path: string;
  query: string;
  header: Record<string, string>;
  data: unknown;
}

export type StubAnswer = { status?: number; body: unknown };
export type StubRoute = (call: StubCall) => StubAnswer | undefined;

export interface ApiStub {
  calls: StubCall[];
  /** Adds routes in front of the existing ones (the first answer wins). */
  route(method: string, pattern: RegExp, answer: StubAnswer | ((call: StubCall) => StubAnswer)): void;
  reset(): void;
}

export function stubApi(wx: WxStub): ApiStub {
  const calls: StubCall[] = [];
  let routes: StubRoute[] = [];
  wx.override('request', (...args: unknown[]) => {
    const opts = args[0] as { url: string; method?: string; header?: Record<string, string>; data?: unknown; success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void };
    const url = new URL(opts.url);
    const call: StubCall = { method: (opts.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.search, header: opts.header ?? {}, data: typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data };
    calls.push(call);
    const answer = routes.map((r) => r(call)).find(Boolean) ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到相关内容', requestId: 'stub' } } };
    setTimeout(() => {
      const res = { statusCode: answer.status ?? 200, data: answer.body, header: { 'Content-Type': 'application/json' }, errMsg: 'request:ok' };
      opts.success?.(res);
      opts.complete?.(res);
    }, 0);
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  });
  return {
    calls,
    route(method, pattern, answer) {
      routes = [(call) => (call.method === method && pattern.test(call.path) ? (typeof answer === 'function' ? answer(call) : answer) : undefined), ...routes];
    },
    reset() {
      calls.length = 0;
      routes = [];
    },
  };
}

/** Types into the `index`th text field under `selector` as WeChat delivers it (an `input` event). */
export async function typeInto(page: SimulatedPage, value: string, selector = '', index = 0): Promise<void> {
  const el = page.dom.querySelectorAll<HTMLElement>(`${selector} wx-input, ${selector} wx-textarea`.trim())[index];
  if (!el) throw new Error(`no text field #${index} under "${selector}"`);
  const node = (el as HTMLElement & { __wxElement?: unknown }).__wxElement;
  exparser.Event.dispatchEvent(node, exparser.Event.create('input', { value, cursor: value.length }, { bubbles: true, composed: true }));
  await page.settle();
}

/** Waits until the page text contains `text` (network answers arrive a tick later). */
export async function waitForText(page: SimulatedPage, text: string, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!page.text().includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" did not appear; page says: ${page.text().slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 20));
    await page.settle();
  }
}

/**
 * Taps the innermost element whose text is exactly `text` (a button beside an empty input has
 * the same text as its container; the container has no tap handler).
 */
export async function tapText(page: SimulatedPage, text: string, selector = ''): Promise<void> {
  const scope = selector ? page.dom.querySelector<HTMLElement>(selector) : page.dom;
  if (!scope) throw new Error(`nothing matches "${selector}"`);
  const exact = Array.from(scope.querySelectorAll<HTMLElement>('*')).filter((el) => el.textContent?.trim() === text);
  const innermost = exact.filter((el) => !exact.some((other) => other !== el && el.contains(other)));
  const target = innermost[0];
  if (!target) return page.tap(text);
  const node = (target as HTMLElement & { __wxElement?: unknown }).__wxElement;
  exparser.Event.dispatchEvent(node, exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }));
  await page.settle();
}
