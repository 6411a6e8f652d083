// Runs pages of the compiled weapp build (miniapp/dist/weapp) in miniprogram-simulate: the real
// WXML compiler (miniprogram-compiler) renders Taro's base.wxml templates into jsdom, and the
// page's own compiled JS runs against Taro's mini-program runtime, as in WeChat.
// miniprogram-simulate only knows Component(); Page() and App() are shimmed here, and `wx` is
// a stub object the test controls (navigation is not simulated: calls are recorded).
import { join } from 'node:path';
import exparser from 'miniprogram-exparser';
import simulate from 'miniprogram-simulate';
import { distDir } from './build';

export const WEAPP_DIR = distDir('weapp');

type AnyFn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;

/** Every wx.* call the app made, in order (e.g. to assert a navigateTo). */
export interface WxCall {
  api: string;
  args: unknown[];
}

export interface WxStub {
  calls: WxCall[];
  storage: Map<string, unknown>;
  /** Replace one API, e.g. `wx.override('request', (opts) => …)`. */
  override(api: string, impl: AnyFn): void;
}

export interface SimulatedPage {
  /** The page's root element in jsdom (Taro's rendered tree under it). */
  dom: HTMLElement;
  /** The page instance (`this` of the Page() options: setData, data, onLoad …). */
  instance: Record<string, unknown> & { data: Options };
  /** Visible text of the page, whitespace collapsed. */
  text(): string;
  /** Taps the first element whose own text content equals `text` (or contains it). */
  tap(text: string): Promise<void>;
  /** Lets Taro's batched setData and React's updates land. */
  settle(): Promise<void>;
  detach(): void;
}

const state: {
  wx?: WxStub & Record<string, unknown>;
  app?: Options & { onLaunch?: AnyFn; onShow?: AnyFn };
  pages: Options[];
  /** A page's JS runs once per test file (jest keeps modules); later renders reuse its definition. */
  componentIds: Map<string, string>;
} = { pages: [], componentIds: new Map() };

function createWx(): WxStub & Record<string, unknown> {
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>();
  const ok = (api: string, result: Options = {}) =>
    (options: Options = {}) => {
      calls.push({ api, args: [options] });
      const res = { errMsg: `${api}:ok`, ...result };
      (options.success as AnyFn | undefined)?.(res);
      (options.complete as AnyFn | undefined)?.(res);
      return undefined;
    };
  const systemInfo = {
    brand: 'devtools', model: 'iPhone 6/7/8', pixelRatio: 2, screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 603,
    statusBarHeight: 20, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'devtools', SDKVersion: '3.5.0',
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
  };
  const stub: Record<string, unknown> = {
    calls,
    storage,
    override(api: string, impl: AnyFn) {
      stub[api] = (...args: unknown[]) => {
        calls.push({ api, args });
        return impl(...args);
      };
    },
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemSetting: () => ({}),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 24, right: 368, bottom: 56, left: 281 }),
    canIUse: () => true,
    nextTick: (fn: AnyFn) => setTimeout(fn, 0),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: (o: Options) => ok('getStorage', { data: storage.get(o.key as string) })(o),
    setStorage: (o: Options) => {
      storage.set(o.key as string, o.data);
      return ok('setStorage')(o);
    },
    removeStorage: (o: Options) => {
      storage.delete(o.key as string);
      return ok('removeStorage')(o);
    },
    createSelectorQuery: () => {
      const q = { select: () => q, selectAll: () => q, selectViewport: () => q, in: () => q, boundingClientRect: () => q, scrollOffset: () => q, fields: () => q, exec: (cb?: AnyFn) => cb?.([]) };
      return q;
    },
    onAppShow: () => undefined, offAppShow: () => undefined, onAppHide: () => undefined, offAppHide: () => undefined,
    onError: () => undefined, onUnhandledRejection: () => undefined, onPageNotFound: () => undefined,
  };
  for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack', 'showToast', 'hideToast', 'showLoading', 'hideLoading', 'showModal', 'setNavigationBarTitle', 'stopPullDownRefresh', 'requestSubscribeMessage', 'login', 'request', 'vibrateShort']) {
    stub[api] = ok(api);
  }
  return stub as WxStub & Record<string, unknown>;
}

/**
 * Sets up the globals a compiled Taro weapp expects and runs app.js once per test file.
 * Returns the wx stub (fresh per file).
 */
export function loadApp(): WxStub {
  if (state.wx) return state.wx;
  const wx = createWx();
  state.wx = wx;
  const g = globalThis as Record<string, unknown>;
  g.wx = wx;
  g.App = (options: Options) => {
    state.app = options;
  };
  g.getApp = () => state.app;
  g.getCurrentPages = () => state.pages;
  // Page(options) → Component(): page methods (lifecycles, Taro's `eh` event handler) become
  // component methods; lifecycles are called by renderPage in WeChat's order.
  g.Page = (options: Options) => {
    const methods: Record<string, AnyFn> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as AnyFn;
    (g.Component as AnyFn)({ data: options.data ?? {}, methods, options: { addGlobalClass: true } });
  };
  require(join(WEAPP_DIR, 'app.js'));
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  state.app?.onLaunch?.call(state.app, launch);
  state.app?.onShow?.call(state.app, launch);
  return wx;
}

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 0));
};

/** Renders a page of the build, e.g. renderPage('pages/index/index', { id: 'x' }). */
export async function renderPage(route: string, query: Record<string, string> = {}): Promise<SimulatedPage> {
  loadApp();
  let id = state.componentIds.get(route);
  if (!id) {
    id = simulate.load(join(WEAPP_DIR, route), { rootPath: WEAPP_DIR });
    state.componentIds.set(route, id);
  }
  const comp = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  const instance = comp.instance as SimulatedPage['instance'];
  Object.assign(instance, { route, __route__: route, options: query });
  state.pages.push(instance);
  (instance.onLoad as AnyFn).call(instance, { ...query });
  (instance.onShow as AnyFn | undefined)?.call(instance);
  (instance.onReady as AnyFn | undefined)?.call(instance);
  await settle();

  const dom = comp.dom as HTMLElement;
  return {
    dom,
    instance,
    text: () => (dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    async tap(text: string) {
      const all = Array.from(dom.querySelectorAll<HTMLElement>('*'));
      const target = all.find((el) => el.textContent?.trim() === text) ?? all.reverse().find((el) => el.textContent?.includes(text));
      if (!target) throw new Error(`nothing to tap with text "${text}" on ${route}`);
      tapElement(target);
      await settle();
    },
    settle,
    detach() {
      comp.detach();
      parent.remove();
      state.pages = state.pages.filter((p) => p !== instance);
    },
  };
}

/**
 * A tap as WeChat delivers it: an exparser 'tap' event on the touched node, bubbling through
 * the component tree to the nearest bindtap (Taro binds its event handler `eh` on every node).
 */
function tapElement(el: HTMLElement): void {
  const node = (el as HTMLElement & { __wxElement?: unknown }).__wxElement;
  if (!node) throw new Error('tap: element is not part of the simulated page');
  exparser.Event.dispatchEvent(node, exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }));
}
