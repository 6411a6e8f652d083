// Signed webhooks against a receiver that verifies them independently:
// signature and timestamp checked, each delivery id accepted once.
import { sendWebhook, signWebhook, verifyWebhookSignature } from '../../server/src/platforms/webhook';
import { startWebhookReceiver, type WebhookReceiver } from '../simulators';
import { platformError } from './helpers';

const SECRET = 'whsec-test-0001';
let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
});
afterEach(() => receiver.close());

const delivery = (deliveryId: string, extra: Partial<Parameters<typeof sendWebhook>[0]> = {}) => ({
  url: receiver.url,
  secret: SECRET,
  event: 'item.published',
  deliveryId,
  payload: { itemId: 'item-42', title: '关于<春耕>的"通知"', url: 'https://www.pingwu.gov.cn/zwgk/items/42' },
  timeoutMs: 300,
  ...extra,
});

test('a signed delivery is verified and recorded with its event and payload', async () => {
  const result = await sendWebhook(delivery('d-1'));
  expect(result).toMatchObject({ status: 200, deliveryId: 'd-1', body: { ok: true } });
  expect(receiver.state.deliveries).toEqual([
    expect.objectContaining({ deliveryId: 'd-1', event: 'item.published', payload: { itemId: 'item-42', title: '关于<春耕>的"通知"', url: 'https://www.pingwu.gov.cn/zwgk/items/42' } }),
  ]);
  expect(receiver.state.rejected).toHaveLength(0);
});

test('a wrong secret or a stale timestamp is rejected (permanent) and nothing is recorded', async () => {
  await platformError(sendWebhook(delivery('d-2', { secret: 'wrong' })), { code: 'HTTP_401', transient: false, platform: 'webhook' });
  await platformError(sendWebhook(delivery('d-3', { now: () => Date.now() - 10 * 60_000 })), { code: 'HTTP_401', transient: false });
  expect(receiver.state.deliveries).toHaveLength(0);
  expect(receiver.state.rejected.map((r) => r.reason)).toEqual(['invalid signature', 'timestamp outside tolerance']);
});

test('the same delivery id twice is acknowledged twice and recorded once', async () => {
  await sendWebhook(delivery('d-4'));
  const again = await sendWebhook(delivery('d-4'));
  expect(again.body).toMatchObject({ duplicate: true });
  expect(receiver.state.deliveries).toHaveLength(1);
  expect(receiver.state.duplicates).toHaveLength(1);
});

test('5xx and timeouts are transient; a retry after a lost acknowledgement still records once', async () => {
  receiver.faults.add({ kind: 'http', status: 500 });
  await platformError(sendWebhook(delivery('d-5')), { code: 'HTTP_500', transient: true });
  receiver.faults.add({ kind: 'hang' });
  await platformError(sendWebhook(delivery('d-5')), { code: 'TIMEOUT', transient: true });
  receiver.faults.add({ kind: 'http', status: 503, phase: 'after' });
  await platformError(sendWebhook(delivery('d-5')), { code: 'HTTP_503', transient: true });
  await sendWebhook(delivery('d-5'));
  expect(receiver.state.deliveries.map((d) => d.deliveryId)).toEqual(['d-5']);
});

test('a receiver answering 404 is a permanent error', async () => {
  await platformError(sendWebhook(delivery('d-6', { url: receiver.url.replace(/\/webhook$/, '/elsewhere') })), { code: 'HTTP_404', transient: false });
});

test('signWebhook and verifyWebhookSignature agree; any change to the body breaks the signature', () => {
  const ts = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ a: 1 });
  const sig = signWebhook(SECRET, ts, body);
  expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
  expect(verifyWebhookSignature(SECRET, ts, body, sig)).toBe(true);
  expect(verifyWebhookSignature(SECRET, ts, JSON.stringify({ a: 2 }), sig)).toBe(false);
  expect(verifyWebhookSignature('other', ts, body, sig)).toBe(false);
  expect(verifyWebhookSignature(SECRET, ts - 3600, body, signWebhook(SECRET, ts - 3600, body))).toBe(false);
});
