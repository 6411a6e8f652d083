// The subscribe-message send job against the simulator: a send whose outcome is unknown (timeout
// after WeChat got it, or a takeover after the previous holder died mid-send) is not repeated.
import { createJobStore, JobArchive, JobRunner, Job, JobClaim } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { WECHAT_SEND_KIND, type WechatSendPayload } from '../../../server/src/notifications';
import { createWechatSendHandler } from '../../../server/src/notifications/wechat-send';
import { createWechatClient } from '../../../server/src/platforms/wechat';
import { startWechatSimulator, WECHAT_SIM_APP, type WechatSimulator } from '../../simulators';
import { connectTestDatabase } from '../../support/db';
import { until } from './fixtures';

const TEMPLATE = 'sim-tmpl-request-progress';
let db: Awaited<ReturnType<typeof connectTestDatabase>>;
let sim: WechatSimulator;
let runner: JobRunner;
const store = createJobStore({ backoffMs: 20 });

const payload = (openid: string): WechatSendPayload => ({
  citizenId: openid,
  templateKey: 'status',
  page: 'pages/thread/index?id=r1',
  data: { character_string1: 'PW-2026-0001', thing2: '城区道路改造工程招标文件', phrase3: '办理中', date4: '2026-12-01', thing5: '已受理您的申请' },
});

beforeAll(async () => {
  db = await connectTestDatabase();
  sim = await startWechatSimulator({ anyOpenid: true });
  const wechat = createWechatClient({ baseUrl: sim.url, appId: WECHAT_SIM_APP.appId, appSecret: WECHAT_SIM_APP.appSecret, timeoutMs: 300 });
  const handler = createWechatSendHandler({ wechat, templates: { status: { id: TEMPLATE, keys: {} } }, openidOf: async (id) => id });
  runner = new JobRunner({ store, logger: silentLogger, pollMs: 20, leaseMs: 2000 }).register(WECHAT_SEND_KIND, handler);
  runner.start();
});
afterAll(async () => {
  await runner.stop();
  await sim.close();
  await db.disconnect();
});
beforeEach(async () => {
  sim.faults.clear();
  await Promise.all([Job.deleteMany({}), JobArchive.deleteMany({}), JobClaim.deleteMany({})]);
});

const sentTo = (openid: string) => sim.state.subscribeMessages.filter((m) => m.touser === openid);

it('sends once and keeps the msgid', async () => {
  await store.schedule({ id: 'wechat:ok', kind: WECHAT_SEND_KIND, payload: { ...payload('oSim-ws-ok') } });
  const done = await until(async () => JobArchive.findById('wechat:ok').lean());
  expect(done).toMatchObject({ status: 'done', attempts: 1 });
  expect(done.result).toEqual({ msgid: sentTo('oSim-ws-ok')[0]!.msgid });
});

it('does not resend after a timeout: WeChat may have delivered it', async () => {
  // The answer comes after the client gave up, but the message IS delivered.
  sim.faults.add({ path: '/cgi-bin/message/subscribe/send', kind: 'delay', delayMs: 700 });
  await store.schedule({ id: 'wechat:slow', kind: WECHAT_SEND_KIND, payload: { ...payload('oSim-ws-slow') } });
  const done = await until(async () => JobArchive.findById('wechat:slow').lean());
  expect(done).toMatchObject({ status: 'failed', attempts: 1 });
  expect(done.lastError).toContain('发送结果未知');
  await until(async () => sentTo('oSim-ws-slow').length === 1, 3000);
  await new Promise((r) => setTimeout(r, 300));
  expect(sentTo('oSim-ws-slow')).toHaveLength(1);
});

it('retries a 5xx answer (WeChat did not take it) and sends once', async () => {
  sim.faults.add({ path: '/cgi-bin/message/subscribe/send', kind: 'http', status: 503, times: 1 });
  await store.schedule({ id: 'wechat:5xx', kind: WECHAT_SEND_KIND, payload: { ...payload('oSim-ws-5xx') } });
  const done = await until(async () => JobArchive.findById('wechat:5xx').lean());
  expect(done).toMatchObject({ status: 'done', attempts: 2 });
  expect(sentTo('oSim-ws-5xx')).toHaveLength(1);
});

it('a takeover after the holder died mid-send does not send again', async () => {
  await runner.stop(); // first, so the test (not the runner, polling every 20 ms) holds the job like a process that then dies
  await store.schedule({ id: 'wechat:crash', kind: WECHAT_SEND_KIND, payload: { ...payload('oSim-ws-crash') } });
  const [held] = await store.claim([WECHAT_SEND_KIND], 'dying-instance', 100);
  expect(held?.id).toBe('wechat:crash');
  runner.start();
  const done = await until(async () => JobArchive.findById('wechat:crash').lean());
  expect(done).toMatchObject({ status: 'failed', attempts: 2 });
  expect(done.lastError).toContain('不再重试');
  expect(sentTo('oSim-ws-crash')).toHaveLength(0);
});
