import { act, renderHook, waitFor } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { LiveEvent } from '../live';
import { LIVE_DELAY_MS, useData, type LoadContext, type UseDataOptions } from './use-data';

// Taro's page hooks need a mounted Taro page; here the page's events are fired by hand.
const mockPage: { show?: () => void; pull?: () => void; stopped: number } = { stopped: 0 };
jest.mock('@tarojs/taro', () => {
  // Read lazily: Taro's own modules import '@tarojs/taro' (this mock) while the real one loads.
  const actual = jest.requireActual<Record<string | symbol, unknown> & { default: object }>('@tarojs/taro');
  const page: Record<string, unknown> = {
    __esModule: true,
    useDidShow: (fn: () => void) => {
      mockPage.show = fn;
    },
    usePullDownRefresh: (fn: () => void) => {
      mockPage.pull = fn;
    },
    stopPullDownRefresh: () => {
      mockPage.stopped += 1;
      return Promise.resolve();
    },
  };
  const taro = new Proxy({}, { get: (_, name) => (typeof name === 'string' && name in page ? page[name] : (actual.default as Record<string | symbol, unknown>)[name]) });
  return new Proxy({}, { get: (_, name) => (name === 'default' ? taro : typeof name === 'string' && name in page ? page[name] : actual[name]) });
});

// The live connection, as the server's stream would feed it.
const mockLive: { emit?: (event: LiveEvent) => void } = {};
jest.mock('../platform/live', () => ({
  connectLive: (_audience: string, emit: (event: LiveEvent) => void) => {
    mockLive.emit = emit;
    return () => {
      mockLive.emit = undefined;
    };
  },
}));

/** A load whose answer the test gives when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Every call of the loader, answered by the test. */
function controlledLoader<T>() {
  const calls: Array<LoadContext<T> & ReturnType<typeof deferred<T>>> = [];
  const loader = (context: LoadContext<T>) => {
    const d = deferred<T>();
    calls.push({ ...context, ...d });
    return d.promise;
  };
  return { calls, loader };
}

function renderData<T>(loader: (context: LoadContext<T>) => Promise<T>, options: UseDataOptions = {}, key = 'a') {
  return renderHook(({ k, opts }) => useData(loader, [k], opts), { initialProps: { k: key, opts: options } });
}

const notFound = new ApiError(404, 'NOT_FOUND', '没有找到该申请');

beforeEach(() => {
  mockPage.show = undefined;
  mockPage.pull = undefined;
  mockPage.stopped = 0;
});

it('loads on mount and says it is loading until the answer is there', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result } = renderData(loader);
  expect(result.current).toMatchObject({ data: undefined, error: undefined, loading: true });
  expect(calls.map((c) => c.reason)).toEqual(['start']);

  await act(async () => calls[0]!.resolve('第一页'));
  expect(result.current).toMatchObject({ data: '第一页', error: undefined, loading: false });
});

it('shows only the latest load: an older answer (or failure) arriving late is ignored', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result, rerender } = renderData(loader);
  rerender({ k: 'b', opts: {} }); // a new filter while the first page is still on its way
  expect(calls).toHaveLength(2);

  await act(async () => calls[1]!.resolve('新筛选的结果'));
  await act(async () => calls[0]!.resolve('旧筛选的结果'));
  expect(result.current.data).toBe('新筛选的结果');

  await act(async () => void result.current.reload());
  await act(async () => void result.current.reload());
  await act(async () => calls[3]!.resolve('最新'));
  await act(async () => calls[2]!.reject(notFound));
  expect(result.current).toMatchObject({ data: '最新', error: undefined, loading: false });
});

it("keeps the server's Chinese message and the data already shown when a reload fails", async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result } = renderData(loader);
  await act(async () => calls[0]!.resolve('已显示的内容'));

  await act(async () => void result.current.reload());
  await act(async () => calls[1]!.reject(notFound));
  expect(result.current).toMatchObject({ data: '已显示的内容', error: '没有找到该申请', loading: false });
});

it('shows the page’s own message for a failure that is not the server’s', async () => {
  const { result } = renderData(() => Promise.reject(new TypeError('x is undefined')), { fallback: '加载失败，请下拉重试' });
  await waitFor(() => expect(result.current.error).toBe('加载失败，请下拉重试'));
});

it('clears the failure when a retry succeeds', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result } = renderData(loader);
  await act(async () => calls[0]!.reject(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试')));
  expect(result.current).toMatchObject({ data: undefined, error: '网络连接失败，请检查网络后重试', loading: false });

  await act(async () => void result.current.reload());
  expect(result.current.loading).toBe(true);
  expect(result.current.error).toBe('网络连接失败，请检查网络后重试'); // still said until the retry answers
  await act(async () => calls[1]!.resolve('重试成功'));
  expect(result.current).toMatchObject({ data: '重试成功', error: undefined, loading: false });
});

it('loads nothing while disabled, and loads once enabled', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result, rerender } = renderData(loader, { enabled: false });
  expect(result.current.loading).toBe(false);
  mockPage.show?.();
  mockPage.show?.();
  expect(calls).toHaveLength(0);

  rerender({ k: 'a', opts: { enabled: true } });
  expect(calls.map((c) => c.reason)).toEqual(['start']);
});

it('reloads on pull-down from the first page and then stops the refresh indicator', async () => {
  const { calls, loader } = controlledLoader<string>();
  renderData(loader);
  await act(async () => calls[0]!.resolve('一'));

  act(() => mockPage.pull!());
  expect(calls[1]).toMatchObject({ reason: 'pull', current: '一' });
  expect(mockPage.stopped).toBe(0);
  await act(async () => calls[1]!.resolve('二'));
  expect(mockPage.stopped).toBe(1);
});

it('reloads when the page shows again, not on its first show, with what is shown', async () => {
  const { calls, loader } = controlledLoader<string>();
  renderData(loader);
  await act(async () => calls[0]!.resolve('列表'));
  act(() => mockPage.show!()); // the first show: the mount already loaded
  expect(calls).toHaveLength(1);
  act(() => mockPage.show!());
  expect(calls[1]).toMatchObject({ reason: 'again', current: '列表' });
});

it('does not reload on showing again where the page says so', async () => {
  const { calls, loader } = controlledLoader<string>();
  renderData(loader, { showAgain: false });
  act(() => mockPage.show!());
  act(() => mockPage.show!());
  expect(calls).toHaveLength(1);
});

it('reloads once after a burst of live events about this data, and not for others', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { unmount } = renderData(loader, { audience: 'staff', live: (e) => e.requestId === 'req-1' });
  await act(async () => calls[0]!.resolve('申请'));
  expect(mockLive.emit).toBeDefined();

  act(() => {
    mockLive.emit!({ type: 'request_changed', requestId: 'req-2' });
    mockLive.emit!({ type: 'message', requestId: 'req-1' });
    mockLive.emit!({ type: 'request_changed', requestId: 'req-1' });
  });
  await act(() => new Promise((r) => setTimeout(r, LIVE_DELAY_MS + 50)));
  expect(calls.map((c) => c.reason)).toEqual(['start', 'again']);

  unmount();
  expect(mockLive.emit).toBeUndefined(); // the last listener gone, the connection closes
});

it('adds a next page to the data, unless a reload started meanwhile', async () => {
  const { calls, loader } = controlledLoader<string[]>();
  const { result } = renderData(loader);
  await act(async () => calls[0]!.resolve(['1']));

  await act(() => result.current.extend(async (shown) => [...shown, '2']));
  expect(result.current.data).toEqual(['1', '2']);

  const next = deferred<string[]>();
  let extending!: Promise<void>;
  act(() => {
    extending = result.current.extend(() => next.promise);
    void result.current.reload();
  });
  await act(async () => calls[1]!.resolve(['1', '2', '3']));
  await act(async () => {
    next.resolve(['1', '2', 'old']);
    await extending;
  });
  expect(result.current.data).toEqual(['1', '2', '3']);
});

it('puts an action’s answer in place of the data, and forgets the old data on a new key where asked', async () => {
  const { calls, loader } = controlledLoader<string>();
  const { result, rerender } = renderData(loader, { clearOnChange: true });
  await act(async () => calls[0]!.resolve('2024年度'));
  act(() => result.current.set('2024年度（已更正）'));
  expect(result.current.data).toBe('2024年度（已更正）');

  rerender({ k: 'b', opts: { clearOnChange: true } });
  expect(result.current).toMatchObject({ data: undefined, loading: true });
});
