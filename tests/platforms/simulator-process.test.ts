// The simulators as a separate process (the CLI), driven over HTTP: what a
// crash test does while it kills and restarts the server around them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createWechatClient } from '../../server/src/platforms/wechat';
import { createWeiboClient } from '../../server/src/platforms/weibo';
import { sendWebhook } from '../../server/src/platforms/webhook';
import { remoteSimulator, WECHAT_SIM_APP, WEIBO_SIM_TOKEN, type WechatSimState, type WeiboSimState, type WebhookReceiverState } from '../simulators';
import { platformError } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
let child: ChildProcess;
let urls: { wechat: string; weibo: string; webhook: string };

beforeAll(async () => {
  child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['tests/simulators/main.ts', '--wechat-port', '0', '--weibo-port', '0', '--webhook-port', '0', '--webhook-secret', 'cli-secret', '--wechat-options', '{"tokenTtlSeconds":3600}'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  urls = await new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`simulators did not start: ${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as typeof urls);
      }
    });
    child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`simulators exited with ${code}: ${err}`)));
  });
});

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

test('WeChat: faults, token switches and consent are set over HTTP; the state is read over HTTP', async () => {
  const remote = remoteSimulator(urls.wechat);
  const wechat = createWechatClient({ baseUrl: urls.wechat, ...WECHAT_SIM_APP, timeoutMs: 500 });

  const [faultId] = await remote.addFault({ path: '/sns/jscode2session', kind: 'errcode', errcode: 45011, times: 'always' });
  await platformError(wechat.code2Session('code-remote'), { code: 45011, transient: true });
  await platformError(wechat.code2Session('code-remote'), { code: 45011, transient: true });
  await remote.removeFault(faultId!);
  const { openid } = await wechat.code2Session('code-remote');

  const message = { touser: openid, templateId: 'sim-tmpl-reminder', data: { thing1: '补正期限', date2: '2026-03-20', thing3: '请及时补正' } };
  await wechat.sendSubscribeMessage(message);
  await remote.post('/__sim/wechat/tokens', { action: 'expire' });
  await wechat.sendSubscribeMessage(message);
  await remote.post('/__sim/wechat/consent', { openid, templateId: 'sim-tmpl-reminder', refused: true });
  await platformError(wechat.sendSubscribeMessage(message), { code: 43101, transient: false });

  const state = await remote.state<WechatSimState>();
  expect(state.calls['/sns/jscode2session']).toBe(3);
  expect(state.calls['/cgi-bin/token']).toBe(2);
  expect(state.sessions.map((s) => s.openid)).toEqual(['oSim-remote']);
  expect(state.subscribeMessages).toHaveLength(2);

  await remote.reset();
  expect((await remote.state<WechatSimState>()).subscribeMessages).toHaveLength(0);
});

test('Weibo: busy mode and hangs switched over HTTP; each post recorded once', async () => {
  const remote = remoteSimulator(urls.weibo);
  const weibo = createWeiboClient({ baseUrl: urls.weibo, accessToken: WEIBO_SIM_TOKEN, timeoutMs: 300 });
  const link = 'https://www.pingwu.gov.cn/zwgk/items/7';

  await remote.setBusy(true);
  await platformError(weibo.share({ status: '远程控制', link }), { code: 10001, transient: true });
  await remote.setBusy(false);
  await remote.addFault({ path: '/2/statuses/share.json', kind: 'hang' });
  await platformError(weibo.share({ status: '远程控制', link }), { code: 'TIMEOUT', transient: true });
  await weibo.share({ status: '远程控制', link });

  const state = await remote.state<WeiboSimState>();
  expect(state.statuses.map((s) => s.text)).toEqual([`远程控制 ${link}`]);
  expect(state.calls['/2/statuses/share.json']).toBe(3);
});

test('Webhook receiver: a delivery lost after processing is retried and still recorded once', async () => {
  const remote = remoteSimulator(urls.webhook);
  await remote.addFault({ kind: 'http', status: 502, phase: 'after' });
  const d = { url: urls.webhook, secret: 'cli-secret', event: 'item.published', deliveryId: 'cli-1', payload: { n: 1 }, timeoutMs: 500 };
  await platformError(sendWebhook(d), { code: 'HTTP_502', transient: true });
  await sendWebhook(d);
  const state = await remote.state<WebhookReceiverState>();
  expect(state.deliveries.map((x) => x.deliveryId)).toEqual(['cli-1']);
  expect(state.duplicates).toHaveLength(1);
});

test('bad control requests are refused with a reason', async () => {
  const remote = remoteSimulator(urls.wechat);
  await expect(remote.addFault({ kind: 'explode' } as never)).rejects.toThrow(/fault kind/);
  await expect(remote.post('/__sim/wechat/tokens', { action: 'melt' })).rejects.toThrow(/action/);
});
