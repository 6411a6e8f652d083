// The live-update bus: what the SSE streams (routes/stream) listen to. Channels are
// `citizen:<citizenId>` and `staff:<bodyId>`. In-process EventEmitter by default (one
// instance); with REDIS_URL, Redis pub/sub so an event published by any instance reaches the
// streams held by every instance (issue 10). Live updates are best effort: what must not be
// lost (notifications, request state) is stored first; the bus only says "look again".
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import type { Logger } from '../log';

export interface BusEvent {
  /** Unique id; becomes the SSE `id:` line. */
  id: string;
  /** e.g. 'notification', 'request_changed'. */
  type: string;
  /** ISO instant. */
  at: string;
  data: unknown;
  /** Only this staff member should see it (staff channels carry the whole body's events). */
  for?: string;
}

export type BusHandler = (event: BusEvent) => void;

/** Stops the subscription; `ready` resolves once events published from now on will arrive. */
export type Unsubscribe = (() => void) & { ready: Promise<void> };

export interface Bus {
  readonly kind: 'memory' | 'redis';
  publish(channel: string, event: BusEvent): Promise<void>;
  subscribe(channel: string, handler: BusHandler): Unsubscribe;
  close(): Promise<void>;
}

export const citizenChannel = (citizenId: string) => `citizen:${citizenId}`;
export const staffChannel = (bodyId: string) => `staff:${bodyId}`;

export function createBus(options: { redisUrl?: string | undefined; logger: Logger; prefix?: string }): Bus {
  return options.redisUrl ? createRedisBus(options.redisUrl, options.logger, options.prefix) : createMemoryBus();
}

export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    kind: 'memory',
    async publish(channel, event) {
      for (const listener of emitter.listeners(channel)) {
        try {
          (listener as BusHandler)(event);
        } catch {
          // one broken listener must not stop the others
        }
      }
    },
    subscribe(channel, handler) {
      emitter.on(channel, handler);
      return Object.assign(() => void emitter.off(channel, handler), { ready: Promise.resolve() });
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Two connections (a subscribed Redis connection cannot publish). Each channel is SUBSCRIBEd once
 * per process however many local streams listen to it, and UNSUBSCRIBEd with the last of them.
 * An instance hears its own publications through Redis, like everyone else.
 */
export function createRedisBus(url: string, logger: Logger, prefix = 'zwgk:live:'): Bus {
  const common = { lazyConnect: false, maxRetriesPerRequest: 2, enableAutoPipelining: true } as const;
  const pub = new Redis(url, { ...common, connectionName: 'zwgk-bus-pub' });
  // The subscriber sends no handshake extras (CLIENT SETINFO) and SUBSCRIBEs only once ready:
  // ioredis can otherwise interleave a queued SUBSCRIBE with its handshake, and Redis then refuses
  // the handshake's INFO ("Connection in subscriber mode") and the subscription never starts
  // (redis/ioredis#2037; seen in CI as a live update that never arrived).
  const sub = new Redis(url, { ...common, connectionName: 'zwgk-bus-sub', disableClientInfo: true });
  const subReady = () => (sub.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => sub.once('ready', () => resolve())));
  let warned = false;
  for (const conn of [pub, sub]) {
    conn.on('error', (err: Error) => {
      if (!warned) logger.warn({ err: { message: err.message } }, 'redis bus connection error (retrying)');
      warned = true;
    });
    conn.on('ready', () => {
      if (warned) logger.info('redis bus connected');
      warned = false;
    });
  }
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const subscribed = new Map<string, Promise<void>>();

  sub.on('message', (redisChannel: string, message: string) => {
    if (!redisChannel.startsWith(prefix)) return;
    let event: BusEvent;
    try {
      event = JSON.parse(message) as BusEvent;
    } catch {
      return;
    }
    const channel = redisChannel.slice(prefix.length);
    for (const listener of local.listeners(channel)) {
      try {
        (listener as BusHandler)(event);
      } catch {
        // isolate listeners
      }
    }
  });

  return {
    kind: 'redis',
    async publish(channel, event) {
      try {
        await pub.publish(prefix + channel, JSON.stringify(event));
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message }, channel }, 'live update not published');
      }
    },
    subscribe(channel, handler) {
      local.on(channel, handler);
      let ready = subscribed.get(channel);
      if (!ready) {
        ready = subReady()
          .then(() => sub.subscribe(prefix + channel))
          .then(
            () => undefined,
            (err: unknown) => {
              subscribed.delete(channel);
              logger.warn({ err: { message: (err as Error).message }, channel }, 'redis subscribe failed');
            },
          );
        subscribed.set(channel, ready);
      }
      let done = false;
      return Object.assign(
        () => {
          if (done) return;
          done = true;
          local.off(channel, handler);
          if (local.listenerCount(channel) === 0 && subscribed.has(channel)) {
            subscribed.delete(channel);
            void sub.unsubscribe(prefix + channel).catch(() => undefined);
          }
        },
        { ready },
      );
    },
    async close() {
      local.removeAllListeners();
      subscribed.clear();
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
