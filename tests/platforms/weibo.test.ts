// statuses/share against the Weibo simulator: text fitted to 140 字 with the
// link kept, pictures, duplicates, rate limits, token expiry.
import fc from 'fast-check';
import { createWeiboClient, fitWeiboStatus, weiboLength, type WeiboClient } from '../../server/src/platforms/weibo';
import { startWeiboSimulator, WEIBO_SIM_TOKEN, weiboLength as simWeiboLength, type WeiboSimulator } from '../simulators';
import { PNG, platformError } from './helpers';

const LINK = 'https://www.pingwu.gov.cn/zwgk/items/2026-0042';
const LONG = '平武县人民政府办公室关于印发《平武县2026年政务公开工作要点》的通知。各乡镇人民政府，县级各部门：现将《平武县2026年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。'.repeat(2);

let sim: WeiboSimulator;
let weibo: WeiboClient;

beforeEach(async () => {
  sim = await startWeiboSimulator();
  weibo = createWeiboClient({ baseUrl: sim.url, accessToken: WEIBO_SIM_TOKEN, timeoutMs: 300 });
});
afterEach(() => sim.close());

describe('fitting a status', () => {
  test('a status that fits is left alone; the link is appended after a space', () => {
    expect(fitWeiboStatus(`会议召开 ${LINK}`)).toBe(`会议召开 ${LINK}`);
    expect(fitWeiboStatus('会议召开', LINK)).toBe(`会议召开 ${LINK}`);
  });

  test('a long status is cut with an ellipsis, stays within 140 字 and keeps the whole link', () => {
    const fitted = fitWeiboStatus(LONG, LINK);
    expect(weiboLength(fitted)).toBeLessThanOrEqual(140);
    expect(weiboLength(fitted)).toBeGreaterThanOrEqual(138);
    expect(fitted.endsWith(`… ${LINK}`)).toBe(true);
    const inline = fitWeiboStatus(`${LONG.slice(0, 20)}${LINK} ${LONG}`);
    expect(inline.endsWith(` ${LINK}`)).toBe(true);
    expect(weiboLength(inline)).toBeLessThanOrEqual(140);
  });

  test('counting: Chinese 1, half-width ½, a link 10, rounded up; client and simulator agree', () => {
    expect(weiboLength('政务公开')).toBe(4);
    expect(weiboLength('abc')).toBe(2);
    expect(weiboLength(`看 ${LINK}`)).toBe(12);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (s, withLink) => {
        const text = withLink ? `${s} ${LINK}` : s;
        expect(weiboLength(text)).toBe(simWeiboLength(text));
        expect(weiboLength(fitWeiboStatus(s, LINK))).toBeLessThanOrEqual(140);
      }),
      { numRuns: 300 },
    );
  });
});

test('share posts the status and returns the platform id', async () => {
  const status = await weibo.share({ status: '平武县2026年春耕生产工作会议召开', link: LINK });
  expect(status).toMatchObject({ id: expect.stringMatching(/^\d+$/), text: `平武县2026年春耕生产工作会议召开 ${LINK}`, createdAt: expect.any(String) });
  expect(sim.state.statuses).toEqual([expect.objectContaining({ idstr: status.id, text: status.text, token: WEIBO_SIM_TOKEN })]);
});

test('a long status is accepted by the platform after fitting; a picture goes as multipart', async () => {
  await weibo.share({ status: LONG, link: LINK, pic: { data: PNG, filename: 'cover.png', contentType: 'image/png' } });
  const [posted] = sim.state.statuses;
  expect(simWeiboLength(posted!.text)).toBeLessThanOrEqual(140);
  expect(posted!.text).toContain(LINK);
  expect(posted!.pic).toMatchObject({ type: 'image/png', size: PNG.length, filename: 'cover.png' });
});

test('posting the same text again is a permanent duplicate (20019); the platform holds it once', async () => {
  await weibo.share({ status: '同一条内容', link: LINK });
  await platformError(weibo.share({ status: '同一条内容', link: LINK }), { code: 20019, transient: false, kind: 'duplicate' });
  expect(sim.state.statuses).toHaveLength(1);
});

test('a share whose answer was lost shows up as a duplicate on retry, never as a second post', async () => {
  sim.faults.add({ path: '/2/statuses/share.json', kind: 'http', status: 503, phase: 'after' });
  await platformError(weibo.share({ status: '答复丢失', link: LINK }), { code: 'HTTP_503', transient: true });
  await platformError(weibo.share({ status: '答复丢失', link: LINK }), { code: 20019, kind: 'duplicate' });
  expect(sim.state.statuses).toHaveLength(1);
});

test('rate limits (10023/10024) and system errors (10001) are transient', async () => {
  sim.faults.add({ path: '/2/statuses/share.json', kind: 'errcode', errcode: 10023, retryAfterSeconds: 30 });
  const limited = await platformError(weibo.share({ status: '限流', link: LINK }), { code: 10023, transient: true, kind: 'rate_limited' });
  expect(limited.retryAfterMs).toBe(30_000);
  sim.faults.add({ path: '/2/statuses/share.json', kind: 'errcode', errcode: 10024 });
  await platformError(weibo.share({ status: '限流', link: LINK }), { code: 10024, transient: true });
  sim.faults.setBusy(true);
  await platformError(weibo.share({ status: '限流', link: LINK }), { code: 10001, transient: true, kind: 'busy' });
  sim.faults.setBusy(false);
  await weibo.share({ status: '限流', link: LINK });
  expect(sim.state.statuses).toHaveLength(1);
});

test('a hung request is a transient timeout', async () => {
  sim.faults.add({ path: '/2/statuses/share.json', kind: 'hang' });
  await platformError(weibo.share({ status: '超时', link: LINK }), { code: 'TIMEOUT', transient: true });
});

test('an expired authorisation (21327) is permanent unless the account was re-authorised meanwhile', async () => {
  sim.expireToken(WEIBO_SIM_TOKEN);
  const err = await platformError(weibo.share({ status: '授权过期', link: LINK }), { code: 21327, transient: false, kind: 'auth' });
  expect(err.message).toContain('重新授权');

  // The account registry now holds a new token: the client re-reads it once and succeeds.
  sim.addToken('weibo-token-renewed');
  const tokens = [WEIBO_SIM_TOKEN, 'weibo-token-renewed'];
  const reading = createWeiboClient({ baseUrl: sim.url, accessToken: () => tokens.shift() ?? 'weibo-token-renewed' });
  await reading.share({ status: '授权过期', link: LINK });
  expect(sim.state.statuses).toEqual([expect.objectContaining({ token: 'weibo-token-renewed' })]);
});

test('a status without a link is refused before calling Weibo; a link outside the safe domain by Weibo (10017)', async () => {
  await platformError(weibo.share({ status: '没有链接' }), { code: 'NO_LINK', transient: false });
  expect(sim.state.calls['/2/statuses/share.json']).toBeUndefined();
  await platformError(weibo.share({ status: '外站链接', link: 'https://example.com/a' }), { code: 10017, transient: false });
});
