// A receiving system for our signed webhooks: it checks the signature and the
// timestamp the way a careful third party would, and accepts each delivery id
// once. Its verification is written here independently of the server's
// signing code so that a test exercises both sides.
//
// Protocol (documented in ../README.md):
//   X-Zwgk-Timestamp: unix seconds
//   X-Zwgk-Signature: sha256=<hex HMAC-SHA256(secret, `${timestamp}.${raw body}`)>
//   X-Zwgk-Delivery:  delivery id, the same on every retry of one delivery
//   X-Zwgk-Event:     event name
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FaultController } from '../core/faults';
import { startSimServer, type SimRequest, type SimResponse } from '../core/server';

export interface WebhookReceiverOptions {
  secret: string;
  host?: string;
  port?: number;
  /** the path deliveries are POSTed to (default '/webhook') */
  path?: string;
  /** how far the timestamp may be from now (default 300 s) */
  toleranceSeconds?: number;
}

export interface WebhookDelivery {
  deliveryId: string;
  event: string;
  timestamp: number;
  payload: unknown;
  receivedAt: string;
}

export interface WebhookReceiverState {
  calls: Record<string, number>;
  /** accepted deliveries, each delivery id once */
  deliveries: WebhookDelivery[];
  /** repeated deliveries that were acknowledged but not recorded again */
  duplicates: Array<{ deliveryId: string; at: string }>;
  rejected: Array<{ reason: string; deliveryId?: string; at: string }>;
}

export interface WebhookReceiver {
  url: string;
  readonly state: WebhookReceiverState;
  faults: FaultController;
  close(): Promise<void>;
}

export async function startWebhookReceiver(opts: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const path = opts.path ?? '/webhook';
  const tolerance = opts.toleranceSeconds ?? 300;
  let state: WebhookReceiverState = { calls: {}, deliveries: [], duplicates: [], rejected: [] };

  const reject = (status: number, reason: string, deliveryId?: string): SimResponse => {
    state.rejected.push({ reason, ...(deliveryId ? { deliveryId } : {}), at: new Date().toISOString() });
    return { status, body: { error: reason } };
  };

  const receive = (req: SimRequest): SimResponse => {
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const deliveryId = header('x-zwgk-delivery');
    const timestamp = Number(header('x-zwgk-timestamp'));
    const signature = header('x-zwgk-signature');
    if (!deliveryId || !signature || !Number.isFinite(timestamp)) return reject(400, 'missing signature headers', deliveryId);
    if (Math.abs(Date.now() / 1000 - timestamp) > tolerance) return reject(401, 'timestamp outside tolerance', deliveryId);
    const expected = `sha256=${createHmac('sha256', opts.secret).update(`${timestamp}.`).update(req.rawBody).digest('hex')}`;
    const a = Buffer.from(signature);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return reject(401, 'invalid signature', deliveryId);
    const payload = req.json();
    if (payload === undefined) return reject(400, 'body must be JSON', deliveryId);

    if (state.deliveries.some((d) => d.deliveryId === deliveryId)) {
      state.duplicates.push({ deliveryId, at: new Date().toISOString() });
      return { body: { ok: true, duplicate: true, deliveryId } };
    }
    state.deliveries.push({ deliveryId, event: header('x-zwgk-event') ?? '', timestamp, payload, receivedAt: new Date().toISOString() });
    return { body: { ok: true, deliveryId } };
  };

  const server = await startSimServer({
    name: 'webhook',
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    routes: { [`POST ${path}`]: receive },
    // An 'errcode' fault on a webhook is an HTTP status.
    errorResponse: (code, message) => ({ status: code >= 400 && code <= 599 ? code : 500, body: { error: message ?? 'simulated failure' } }),
    busyCode: 503,
    getState: () => state,
    reset: () => {
      state = { calls: {}, deliveries: [], duplicates: [], rejected: [] };
    },
    countCall: (p) => void (state.calls[p] = (state.calls[p] ?? 0) + 1),
  });

  return {
    url: `${server.url}${path}`,
    get state() {
      return state;
    },
    faults: server.faults,
    close: server.close,
  };
}
