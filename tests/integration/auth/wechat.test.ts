// Citizen sign-in through the WeChat simulator (code2Session) and the demo-only dev login.
import mongoose from 'mongoose';
import { startWechatSimulator, type WechatSimulator, wechatSimulatorEnv } from '../../simulators';
import { bearer, json, jsonPost } from '../../support/auth';
import { startTestServer, type TestServer } from '../../support/server';

let sim: WechatSimulator;
let t: TestServer;

describe('WeChat sign-in', () => {
  beforeAll(async () => {
    sim = await startWechatSimulator({ codes: { 'wx-code-alice': 'oAlice0001' } });
    t = await startTestServer({
      ...wechatSimulatorEnv(sim.url),
      RATE_LIMIT_SIGNIN: 'off',
    });
  });
  afterAll(async () => {
    await t.close();
    await sim.close();
  });
  afterEach(() => sim.faults.clear());

  const wechatLogin = (code: string) => t.api('/api/auth/wechat', jsonPost({ code }));

  test('a valid code signs the citizen in: token pair + profile, no openid or session_key in the answer', async () => {
    const res = await wechatLogin('wx-code-alice');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 30 * 24 * 3600, me: { kind: 'citizen', channel: 'wechat' } });
    const text = JSON.stringify(body);
    expect(text).not.toContain('oAlice0001');
    expect(text).not.toMatch(/session_?key/i);
    // The token carries no openid either (payload is readable by anyone).
    const payload = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString());
    expect(JSON.stringify(payload)).not.toContain('oAlice0001');
    expect(payload.sub).toBe(`citizen:${body.me.id}`);

    const me = await t.api('/api/me', { headers: bearer(body.accessToken) });
    expect(me.status).toBe(200);
    expect(await json(me)).toEqual(body.me);
    expect(sim.state.sessions.map((s) => s.openid)).toContain('oAlice0001');
  });

  test('the same WeChat user signing in again is the same citizen (one document)', async () => {
    sim.addCode('wx-code-bob-1', 'oBob0001');
    sim.addCode('wx-code-bob-2', 'oBob0001');
    const first = await json(await wechatLogin('wx-code-bob-1'));
    const second = await json(await wechatLogin('wx-code-bob-2'));
    expect(second.me.id).toBe(first.me.id);
    const docs = await mongoose.connection.db!.collection('citizens').find({ openid: 'oBob0001' }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]!._id).toBe(first.me.id);
  });

  test('40029 (invalid code) and a reused code → 400 with the message to re-enter the mini-program', async () => {
    for (const res of [await wechatLogin('forged-code'), await wechatLogin('wx-code-alice')]) {
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: { code: 'INVALID_LOGIN_CODE', message: '登录凭证无效，请重新进入小程序' } });
    }
  });

  test('45011 (WeChat rate limit) → 429; -1 (busy) → 503; then a fresh code works', async () => {
    sim.faults.add({ path: '/sns/jscode2session', kind: 'errcode', errcode: 45011 });
    const limited = await wechatLogin('code-carol');
    expect(limited.status).toBe(429);
    expect((await json(limited)).error.code).toBe('WECHAT_RATE_LIMITED');

    sim.faults.add({ path: '/sns/jscode2session', kind: 'errcode', errcode: -1 });
    const busy = await wechatLogin('code-carol');
    expect(busy.status).toBe(503);
    expect(await json(busy)).toMatchObject({ error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务繁忙，请稍后再试' } });

    const ok = await wechatLogin('code-carol');
    expect(ok.status).toBe(200);
  });

  test('WeChat unreachable (connection reset) → 503, nothing stored', async () => {
    const before = await mongoose.connection.db!.collection('citizens').countDocuments();
    sim.faults.add({ path: '/sns/jscode2session', kind: 'reset' });
    expect((await wechatLogin('code-dave')).status).toBe(503);
    expect(await mongoose.connection.db!.collection('citizens').countDocuments()).toBe(before);
  });

  test('bad input: missing code, unknown fields, operator injection → 400 without calling WeChat', async () => {
    const calls = sim.state.calls['/sns/jscode2session'] ?? 0;
    for (const body of [{}, { code: '' }, { code: 'code-x', extra: 1 }, { code: { $gt: '' } }]) {
      const res = await t.api('/api/auth/wechat', jsonPost(body));
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('VALIDATION_FAILED');
    }
    expect(sim.state.calls['/sns/jscode2session'] ?? 0).toBe(calls);
  });

  test('the dev citizen login does not exist outside demo mode', async () => {
    const res = await t.api('/api/auth/dev-citizen', jsonPost({ name: '张三' }));
    expect(res.status).toBe(404);
  });
});

describe('demo mode', () => {
  let demo: TestServer;
  beforeAll(async () => {
    // Runs after the first server closed (one mongoose connection per process).
    demo = await startTestServer({ DEMO_MODE: '1', RATE_LIMIT_SIGNIN: 'off' });
  });
  afterAll(() => demo.close());

  test('dev-citizen signs in by name; the same name is the same citizen, another name another', async () => {
    const a1 = await json(await demo.api('/api/auth/dev-citizen', jsonPost({ name: '张三' })));
    const a2 = await json(await demo.api('/api/auth/dev-citizen', jsonPost({ name: '张三' })));
    const b = await json(await demo.api('/api/auth/dev-citizen', jsonPost({ name: '李四' })));
    expect(a1.me).toMatchObject({ kind: 'citizen', channel: 'dev', nickname: '张三' });
    expect(a2.me.id).toBe(a1.me.id);
    expect(b.me.id).not.toBe(a1.me.id);
    const noName = await demo.api('/api/auth/dev-citizen', jsonPost({}));
    expect((await json(noName)).me.nickname).toBe('演示用户');
  });

  test('without WeChat configured, WeChat login answers 503 (not a crash)', async () => {
    const res = await demo.api('/api/auth/wechat', jsonPost({ code: 'code-x' }));
    expect(res.status).toBe(503);
    expect((await json(res)).error.code).toBe('WECHAT_NOT_CONFIGURED');
  });
});
