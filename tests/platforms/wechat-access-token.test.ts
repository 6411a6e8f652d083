// The access token is fetched once, shared by concurrent callers, refreshed
// before it expires, and refreshed exactly once when WeChat says it is stale.
import { createWechatClient, type WechatClient } from '../../server/src/platforms/wechat';
import { startWechatSimulator, WECHAT_SIM_APP, type WechatSimulator } from '../simulators';
import { platformError, sleep } from './helpers';

const TEMPLATE = 'sim-tmpl-reminder';
const USER = 'oSim-token-user';
const message = (n = 1) => ({ touser: USER, templateId: TEMPLATE, data: { thing1: `第${n}件`, date2: '2026-03-05', thing3: '请按时办理' } });

let sim: WechatSimulator;
let client: WechatClient;

beforeEach(async () => {
  sim = await startWechatSimulator({ openids: [USER] });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, timeoutMs: 2000 });
});
afterEach(() => sim.close());

const tokenCalls = () => sim.state.calls['/cgi-bin/token'] ?? 0;
const sendCalls = () => sim.state.calls['/cgi-bin/message/subscribe/send'] ?? 0;

test('one token serves many calls', async () => {
  await client.sendSubscribeMessage(message(1));
  await client.sendSubscribeMessage(message(2));
  expect(tokenCalls()).toBe(1);
  expect(sim.state.subscribeMessages).toHaveLength(2);
});

test('concurrent callers on a cold cache share one token request', async () => {
  await Promise.all(Array.from({ length: 10 }, (_, i) => client.sendSubscribeMessage(message(i))));
  expect(tokenCalls()).toBe(1);
  expect(sim.state.subscribeMessages).toHaveLength(10);
});

test.each([
  ['expired (42001)', (s: WechatSimulator) => s.expireTokens()],
  ['invalidated (40001)', (s: WechatSimulator) => s.invalidateTokens()],
])('a token %s is refreshed once and the call repeated once', async (_label, spoil) => {
  await client.sendSubscribeMessage(message(1));
  expect(spoil(sim)).toBe(1);

  await client.sendSubscribeMessage(message(2));
  expect(tokenCalls()).toBe(2);
  expect(sendCalls()).toBe(3); // 1 before, then the rejected attempt and its repetition
  expect(sim.state.subscribeMessages.map((m) => m.data.thing1)).toEqual(['第1件', '第2件']);
});

test('many callers hitting a stale token cause a single refresh', async () => {
  await client.sendSubscribeMessage(message(0));
  sim.expireTokens();
  await Promise.all(Array.from({ length: 8 }, (_, i) => client.sendSubscribeMessage(message(i + 1))));
  expect(tokenCalls()).toBe(2);
  expect(sim.state.subscribeMessages).toHaveLength(9);
});

test('a token rejected again right after the refresh is a transient error, with no second refresh', async () => {
  await client.sendSubscribeMessage(message(1));
  sim.faults.add({ path: '/cgi-bin/message/subscribe/send', kind: 'errcode', errcode: 40001, times: 2 });

  await platformError(client.sendSubscribeMessage(message(2)), { code: 40001, kind: 'token', transient: true });
  expect(tokenCalls()).toBe(2);
  expect(sendCalls()).toBe(3);
  expect(sim.state.subscribeMessages).toHaveLength(1);
});

test('the token is renewed shortly before it expires, without waiting for a rejection', async () => {
  await sim.close();
  sim = await startWechatSimulator({ openids: [USER], tokenTtlSeconds: 2 });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP });
  await client.sendSubscribeMessage(message(1));
  await sleep(1100); // past the refresh point (half of a 2 s lifetime), before expiry
  await client.sendSubscribeMessage(message(2));
  expect(tokenCalls()).toBe(2);
  expect(sendCalls()).toBe(2); // no call was rejected
});

test('errors of the token endpoint itself are classified: wrong secret permanent, busy transient', async () => {
  const wrong = createWechatClient({ baseUrl: sim.url, appId: WECHAT_SIM_APP.appId, appSecret: 'not-the-secret' });
  const err = await platformError(wrong.sendSubscribeMessage(message()), { code: 40001, kind: 'auth', transient: false });
  expect(err.message).not.toContain('not-the-secret');
  expect(JSON.stringify(err)).not.toContain('not-the-secret');

  sim.faults.setBusy(true);
  await platformError(client.sendSubscribeMessage(message()), { code: -1, kind: 'busy', transient: true });
  sim.faults.setBusy(false);
  await client.sendSubscribeMessage(message());
  expect(sim.state.subscribeMessages).toHaveLength(1);
});

describe('stable_token mode (several server instances)', () => {
  test('two instances share one token instead of retiring each other’s', async () => {
    const a = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, tokenMode: 'stable' });
    const b = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, tokenMode: 'stable' });
    expect(await a.accessToken.get()).toBe(await b.accessToken.get());
    expect(sim.state.tokens).toHaveLength(1);
    await a.sendSubscribeMessage(message(1));
    await b.sendSubscribeMessage(message(2));
    expect(sim.state.subscribeMessages).toHaveLength(2);
  });

  test('when WeChat rejects the live stable token, the client forces a new one', async () => {
    const a = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, tokenMode: 'stable' });
    const first = await a.accessToken.get();
    sim.faults.add({ path: '/cgi-bin/message/subscribe/send', kind: 'errcode', errcode: 40001 });
    await a.sendSubscribeMessage(message(1));
    const second = await a.accessToken.get();
    expect(second).not.toBe(first);
    expect(sim.state.calls['/cgi-bin/stable_token']).toBe(3); // initial, normal re-read (same token), forced
    expect(sim.state.tokens.find((t) => t.token === first)?.revoked).toBe(true);
  });
});
