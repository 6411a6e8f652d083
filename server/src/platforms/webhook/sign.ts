// Signing of our outgoing webhooks, so a receiving system can check that a
// delivery comes from us, is recent, and is not a replay:
//   X-Zwgk-Timestamp: unix seconds
//   X-Zwgk-Signature: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${raw body}`)>
//   X-Zwgk-Delivery:  delivery id, the same on every retry (receivers dedupe on it)
//   X-Zwgk-Event:     event name
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_HEADERS = {
  timestamp: 'x-zwgk-timestamp',
  signature: 'x-zwgk-signature',
  delivery: 'x-zwgk-delivery',
  event: 'x-zwgk-event',
} as const;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For documentation and for receivers written in TypeScript. */
export function verifyWebhookSignature(secret: string, timestamp: number, body: string, signature: string, opts: { toleranceSeconds?: number; nowMs?: number } = {}): boolean {
  const now = (opts.nowMs ?? Date.now()) / 1000;
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > (opts.toleranceSeconds ?? 300)) return false;
  const a = Buffer.from(signWebhook(secret, timestamp, body));
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}
