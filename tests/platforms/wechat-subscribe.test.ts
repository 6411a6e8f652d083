// Subscribe messages: values are fitted to their keyword rules so WeChat
// accepts them, a refused template (43101) is a permanent failure, and the
// simulator records exactly what was accepted.
import fc from 'fast-check';
import { createWechatClient, fitKeywordValue, formatDate, formatTime, type WechatClient } from '../../server/src/platforms/wechat';
import { startWechatSimulator, WECHAT_SIM_APP, type WechatSimulator } from '../simulators';
import { isValidKeywordValue } from '../simulators/wechat/value-rules';
import { platformError } from './helpers';

const PROGRESS = 'sim-tmpl-request-progress'; // character_string1, thing2, phrase3, date4, thing5
const ALICE = 'oSim-alice';
const BOB = 'oSim-bob';

let sim: WechatSimulator;
let client: WechatClient;

beforeEach(async () => {
  sim = await startWechatSimulator({ openids: [ALICE, BOB] });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP });
});
afterEach(() => sim.close());

const progress = (touser: string) => ({
  touser,
  templateId: PROGRESS,
  page: 'pages/request/index?id=abc',
  data: {
    character_string1: 'ZWGK-2026-000123号',
    thing2: '关于平武县2025年度农村公路建设资金使用情况的信息公开申请',
    phrase3: '已受理，正在办理',
    date4: '2026-03-05',
    thing5: '请留意后续通知',
  },
});

test('long and ill-typed values are fitted to the keyword rules and accepted', async () => {
  const { msgid } = await client.sendSubscribeMessage(progress(ALICE));
  expect(msgid).toEqual(expect.any(Number));
  expect(sim.state.subscribeMessages).toHaveLength(1);
  const sent = sim.state.subscribeMessages[0]!;
  expect(sent).toMatchObject({ touser: ALICE, templateId: PROGRESS, page: 'pages/request/index?id=abc', lang: 'zh_CN' });
  expect(sent.data).toEqual({
    character_string1: 'ZWGK-2026-000123',
    thing2: '关于平武县2025年度农村公路建设资金…',
    phrase3: '已受理正在',
    date4: '2026年3月5日',
    thing5: '请留意后续通知',
  });
  expect(Array.from(sent.data.thing2!)).toHaveLength(20);
});

test('without fitting, a value that breaks its rule is refused with 47003 (permanent) and nothing is delivered', async () => {
  await platformError(client.sendSubscribeMessage({ ...progress(ALICE), fit: false }), { code: 47003, transient: false, kind: 'invalid_request' });
  expect(sim.state.subscribeMessages).toHaveLength(0);
});

test('a template the user refused gives 43101 (permanent); other users still receive it', async () => {
  sim.refuse(ALICE, PROGRESS);
  const err = await platformError(client.sendSubscribeMessage(progress(ALICE)), { code: 43101, transient: false, kind: 'refused' });
  expect(err.message).toContain('用户拒绝');
  await client.sendSubscribeMessage(progress(BOB));
  expect(sim.state.subscribeMessages.map((m) => m.touser)).toEqual([BOB]);
});

test('in grants mode each accepted subscription allows exactly one message', async () => {
  await sim.close();
  sim = await startWechatSimulator({ openids: [ALICE], consent: 'grants' });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP });
  await platformError(client.sendSubscribeMessage(progress(ALICE)), { code: 43101, transient: false });
  sim.grant(ALICE, PROGRESS, 1);
  await client.sendSubscribeMessage(progress(ALICE));
  await platformError(client.sendSubscribeMessage(progress(ALICE)), { code: 43101 });
  expect(sim.state.subscribeMessages).toHaveLength(1);
});

test('unknown openid (40003) and unknown template (40037) are permanent', async () => {
  await platformError(client.sendSubscribeMessage(progress('oSim-nobody')), { code: 40003, transient: false });
  await platformError(client.sendSubscribeMessage({ ...progress(ALICE), templateId: 'no-such-template' }), { code: 40037, transient: false, kind: 'config' });
});

describe('fitting helpers always produce values WeChat accepts', () => {
  // The simulator's rules are written independently from the helpers.
  const text = fc
    .array(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constantFrom('申', '请', '公', '开', '。', '，', ' ', '\n', '😀', '#')), { maxLength: 12 })
    .map((parts) => parts.join(''));
  const types = ['thing', 'phrase', 'character_string', 'number', 'letter', 'symbol', 'name', 'phone_number', 'amount'];

  test.each(types)('%s', (type) => {
    fc.assert(
      fc.property(text, (value) => {
        const fitted = fitKeywordValue(`${type}1`, value);
        expect(isValidKeywordValue(type, fitted)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('date and time from instants and calendar dates', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (d) => {
        expect(isValidKeywordValue('date', fitKeywordValue('date1', d))).toBe(true);
        expect(isValidKeywordValue('time', fitKeywordValue('time1', d))).toBe(true);
        expect(isValidKeywordValue('date', fitKeywordValue('date1', d.toISOString().slice(0, 10)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('dates are shown in Beijing time', () => {
    expect(formatDate('2026-01-09')).toBe('2026年1月9日');
    expect(formatDate(new Date('2026-03-04T16:30:00Z'))).toBe('2026年3月5日');
    expect(formatTime(new Date('2026-03-04T16:30:00Z'))).toBe('2026年3月5日 00:30');
  });
});
