// The fault switches themselves: counts, paths, delays, and the slow platform
// that does the work after the client gave up (the source of duplicates).
import { createWeiboClient } from '../../server/src/platforms/weibo';
import { startWeiboSimulator, WEIBO_SIM_TOKEN, type WeiboSimulator } from '../simulators';
import { platformError, sleep } from './helpers';

const LINK = 'https://www.pingwu.gov.cn/zwgk/items/9';
let sim: WeiboSimulator;

beforeEach(async () => {
  sim = await startWeiboSimulator();
});
afterEach(() => sim.close());

const client = (timeoutMs: number) => createWeiboClient({ baseUrl: sim.url, accessToken: WEIBO_SIM_TOKEN, timeoutMs });

test('a rule applies to its path only, for the given number of calls', async () => {
  sim.faults.add({ path: '/other', kind: 'errcode', errcode: 10001 });
  sim.faults.add({ path: '/2/statuses/share.json', kind: 'errcode', errcode: 10009, times: 2 });
  const weibo = client(1000);
  await platformError(weibo.share({ status: '一', link: LINK }), { code: 10009 });
  await platformError(weibo.share({ status: '一', link: LINK }), { code: 10009 });
  await weibo.share({ status: '一', link: LINK });
  expect(sim.faults.list()).toEqual([expect.objectContaining({ path: '/other', remaining: 1 })]);
});

test('a delay within the timeout only slows the answer', async () => {
  sim.faults.add({ kind: 'delay', delayMs: 100 });
  const started = Date.now();
  await client(1000).share({ status: '慢', link: LINK });
  expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  expect(sim.state.statuses).toHaveLength(1);
});

test('a platform slower than the timeout still does the work: the retry meets a duplicate', async () => {
  sim.faults.add({ kind: 'delay', delayMs: 400 });
  await platformError(client(150).share({ status: '慢到超时', link: LINK }), { code: 'TIMEOUT', transient: true });
  await sleep(400);
  expect(sim.state.statuses).toHaveLength(1);
  await platformError(client(1000).share({ status: '慢到超时', link: LINK }), { code: 20019, kind: 'duplicate' });
  expect(sim.state.statuses).toHaveLength(1);
});

test("'always' rules stay until removed; clear() also ends busy mode", async () => {
  const id = sim.faults.add({ kind: 'http', status: 503, times: 'always' });
  const weibo = client(1000);
  for (let i = 0; i < 3; i++) await platformError(weibo.share({ status: '常驻', link: LINK }), { code: 'HTTP_503', transient: true });
  expect(sim.faults.remove(id)).toBe(true);
  sim.faults.setBusy(true, 10002);
  await platformError(weibo.share({ status: '常驻', link: LINK }), { code: 10002, transient: true });
  sim.faults.clear();
  await weibo.share({ status: '常驻', link: LINK });
  expect(sim.state.calls['/2/statuses/share.json']).toBe(5);
});
