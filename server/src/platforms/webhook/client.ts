// A signed POST to another system. The delivery id must be the same on every
// retry of one delivery (use the outbox delivery's id) so the receiver can
// drop repeats.
import { PlatformError } from '../errors';
import { exchange, httpStatusError, type FetchLike } from '../http';
import { signWebhook, WEBHOOK_HEADERS } from './sign';

export interface WebhookDeliveryInput {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  payload: unknown;
  /** default 10 s */
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
}

export interface WebhookResult {
  status: number;
  deliveryId: string;
  /** the receiver's answer, when it was JSON */
  body?: unknown;
}

export async function sendWebhook(d: WebhookDeliveryInput): Promise<WebhookResult> {
  if (!d.secret) throw new PlatformError({ platform: 'webhook', code: 'NO_SECRET', kind: 'config', transient: false, message: '推送接口未配置签名密钥' });
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor((d.now ?? Date.now)() / 1000);
  const endpoint = safeEndpoint(d.url);
  const answer = await exchange({
    platform: 'webhook',
    endpoint,
    url: d.url,
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(d.secret, timestamp, body),
      [WEBHOOK_HEADERS.delivery]: d.deliveryId,
      [WEBHOOK_HEADERS.event]: d.event,
    },
    body,
    timeoutMs: d.timeoutMs ?? 10_000,
    ...(d.fetch ? { fetch: d.fetch } : {}),
  });
  // Any 2xx is an acknowledgement; 5xx, 408 and 429 are worth retrying; other 4xx are not.
  if (answer.status < 200 || answer.status >= 300) throw httpStatusError('webhook', endpoint, answer);
  return { status: answer.status, deliveryId: d.deliveryId, ...(answer.json !== undefined ? { body: answer.json } : {}) };
}

/** The URL without query or credentials, for messages. */
function safeEndpoint(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'webhook';
  }
}
