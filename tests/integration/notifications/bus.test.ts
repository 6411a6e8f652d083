// The live-update bus, in-process and over Redis (issue 10: an event published by one instance
// reaches the subscribers of every instance).
import { createConnection } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createMemoryBus, createRedisBus, type Bus, type BusEvent } from '../../../server/src/events/bus';
import { silentLogger } from '../../../server/src/log';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const event = (id: string, extra: Partial<BusEvent> = {}): BusEvent => ({ id, type: 'notification', at: new Date().toISOString(), data: { id }, ...extra });

function collector(bus: Bus, channel: string) {
  const got: BusEvent[] = [];
  const unsubscribe = bus.subscribe(channel, (e) => got.push(e));
  return { got, unsubscribe };
}

async function eventually(check: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not within time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function contract(name: string, makeBuses: () => Promise<[Bus, Bus]>, canRun: () => boolean) {
  describe(name, () => {
    let a: Bus;
    let b: Bus;
    beforeAll(async () => {
      if (!canRun()) return;
      [a, b] = await makeBuses();
    });
    afterAll(async () => {
      await a?.close();
      if (b !== a) await b?.close();
    });
    const channel = () => `citizen:test-${randomBytes(4).toString('hex')}`;

    it('delivers to every subscriber of the channel (on any bus instance) within 1 s, and to no other channel', async () => {
      if (!canRun()) return;
      const ch = channel();
      const one = collector(a, ch);
      const two = collector(b, ch);
      const other = collector(b, channel());
      await Promise.all([one.unsubscribe.ready, two.unsubscribe.ready, other.unsubscribe.ready]);
      const started = Date.now();
      await a.publish(ch, event('e1', { for: 'staff-1' }));
      await eventually(() => one.got.length === 1 && two.got.length === 1);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(two.got[0]).toEqual(event('e1', { for: 'staff-1', at: two.got[0]!.at }));
      expect(other.got).toEqual([]);
      one.unsubscribe();
      two.unsubscribe();
      other.unsubscribe();
    });

    it('stops delivering after unsubscribe; other subscribers of the channel keep receiving', async () => {
      if (!canRun()) return;
      const ch = channel();
      const one = collector(b, ch);
      const two = collector(b, ch);
      await Promise.all([one.unsubscribe.ready, two.unsubscribe.ready]);
      one.unsubscribe();
      one.unsubscribe(); // idempotent
      await a.publish(ch, event('e2'));
      await eventually(() => two.got.length === 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(one.got).toEqual([]);
      two.unsubscribe();
      await a.publish(ch, event('e3'));
      await new Promise((r) => setTimeout(r, 50));
      expect(two.got.map((e) => e.id)).toEqual(['e2']);
    });

    it('keeps order per publisher and isolates a throwing subscriber', async () => {
      if (!canRun()) return;
      const ch = channel();
      const bad = b.subscribe(ch, () => {
        throw new Error('broken listener');
      });
      const good = collector(b, ch);
      await Promise.all([bad.ready, good.unsubscribe.ready]);
      for (let i = 0; i < 20; i++) await a.publish(ch, event(`o${i}`));
      await eventually(() => good.got.length === 20);
      expect(good.got.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, i) => `o${i}`));
      bad();
      good.unsubscribe();
    });
  });
}

contract('in-process bus', async () => {
  const bus = createMemoryBus();
  return [bus, bus];
}, () => true);

let redisUp = false;
beforeAll(async () => {
  redisUp = await redisReachable();
  if (!redisUp) console.warn(`SKIPPED Redis bus tests: ${REDIS_URL} is not reachable (start Redis or set TEST_REDIS_URL)`);
});

// Two Redis buses = two server instances (own connections, one prefix).
contract(
  'Redis bus (two instances)',
  async () => {
    const prefix = `zwgk:test:${randomBytes(3).toString('hex')}:`;
    return [createRedisBus(REDIS_URL, silentLogger, prefix), createRedisBus(REDIS_URL, silentLogger, prefix)];
  },
  () => redisUp,
);
