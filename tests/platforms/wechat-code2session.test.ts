// code2Session against the simulator: the documented answers and errors, and
// transport failures, each mapped to a transient or permanent PlatformError.
import { createWechatClient, type WechatClient } from '../../server/src/platforms/wechat';
import { startWechatSimulator, WECHAT_SIM_APP, type WechatSimulator } from '../simulators';
import { platformError } from './helpers';

let sim: WechatSimulator;
let client: WechatClient;

beforeEach(async () => {
  sim = await startWechatSimulator({ codes: { 'wx-login-code-1': 'oConfigured001' } });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, timeoutMs: 300 });
});
afterEach(() => sim.close());

test('a valid code gives the openid and a session key', async () => {
  expect(await client.code2Session('wx-login-code-1')).toEqual({ openid: 'oConfigured001', sessionKey: expect.any(String) });
  expect(await client.code2Session('code-alice')).toMatchObject({ openid: 'oSim-alice' });
  expect(sim.state.sessions.map((s) => s.openid)).toEqual(['oConfigured001', 'oSim-alice']);
});

test('an invalid code (40029) and a reused code (40163) are permanent', async () => {
  await platformError(client.code2Session('forged'), { code: 40029, transient: false, kind: 'invalid_request' });
  await client.code2Session('code-bob');
  await platformError(client.code2Session('code-bob'), { code: 40163, transient: false });
});

test('an empty code is refused without calling WeChat', async () => {
  await platformError(client.code2Session(''), { code: 41008, transient: false });
  expect(sim.state.calls['/sns/jscode2session']).toBeUndefined();
});

test('rate limit (45011) and busy (-1) are transient; the next attempt succeeds', async () => {
  sim.faults.add({ path: '/sns/jscode2session', kind: 'errcode', errcode: 45011 });
  const limited = await platformError(client.code2Session('code-carol'), { code: 45011, transient: true, kind: 'rate_limited' });
  expect(limited.retryAfterMs).toBe(60_000);

  sim.faults.add({ path: '/sns/jscode2session', kind: 'errcode', errcode: -1 });
  await platformError(client.code2Session('code-carol'), { code: -1, transient: true, kind: 'busy' });

  expect(await client.code2Session('code-carol')).toMatchObject({ openid: 'oSim-carol' });
});

test('HTTP 5xx, a hung request and a reset connection are transient', async () => {
  sim.faults.add({ path: '/sns/jscode2session', kind: 'http', status: 502 });
  await platformError(client.code2Session('code-dan'), { code: 'HTTP_502', transient: true, kind: 'server_error' });

  sim.faults.add({ path: '/sns/jscode2session', kind: 'hang' });
  const started = Date.now();
  await platformError(client.code2Session('code-dan'), { code: 'TIMEOUT', transient: true, kind: 'timeout' });
  expect(Date.now() - started).toBeLessThan(2000);

  sim.faults.add({ path: '/sns/jscode2session', kind: 'reset' });
  await platformError(client.code2Session('code-dan'), { code: 'NETWORK', transient: true, kind: 'network' });

  expect(await client.code2Session('code-dan')).toMatchObject({ openid: 'oSim-dan' });
});

test('a platform that cannot be reached at all is transient', async () => {
  const url = sim.url;
  await sim.close();
  const offline = createWechatClient({ baseUrl: url, ...WECHAT_SIM_APP, timeoutMs: 300 });
  await platformError(offline.code2Session('code-erin'), { code: 'NETWORK', transient: true });
});

test('a wrong secret is permanent and the secret never appears in the error', async () => {
  const wrong = createWechatClient({ baseUrl: sim.url, appId: WECHAT_SIM_APP.appId, appSecret: 'leaked-if-you-see-this' });
  const err = await platformError(wrong.code2Session('code-frank'), { code: 40125, transient: false, kind: 'auth' });
  expect(JSON.stringify({ ...err.toJSON(), message: err.message })).not.toContain('leaked-if-you-see-this');
});
