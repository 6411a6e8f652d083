import type { NotificationView } from '../api/citizen';
import type { LiveEvent } from './events';
import { pollNotifications } from './poll';

const notice = (id: string, requestId: string | null = 'req-1'): NotificationView => ({
  id,
  kind: 'message',
  requestId,
  requestNumber: requestId ? 'PWZF-2026-000001' : null,
  title: '收到新的回复',
  body: '您好',
  createdAt: '2026-11-27T02:00:00.000Z',
  readAt: null,
  read: false,
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('announces only notices that are new since the first poll, oldest first, with the request to re-read', async () => {
  let items = [notice('n1')];
  const events: LiveEvent[] = [];
  const stop = pollNotifications(async () => ({ items, unread: items.length }), (e) => events.push(e), 20);
  await tick(5);
  expect(events).toEqual([{ type: 'ready' }]);

  items = [notice('n3', null), notice('n2', 'req-2'), notice('n1')]; // newest first, as the server lists them
  await tick(30);
  expect(events.slice(1).map((e) => [e.type, e.requestId])).toEqual([
    ['notification', 'req-2'],
    ['request_changed', 'req-2'],
    ['notification', undefined],
  ]);

  await tick(30);
  expect(events).toHaveLength(4); // nothing new, nothing announced
  stop();
});

it('keeps polling through failures and stops when closed', async () => {
  let calls = 0;
  const stop = pollNotifications(
    async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return { items: [], unread: 0 };
    },
    () => undefined,
    10,
  );
  await tick(35);
  expect(calls).toBeGreaterThanOrEqual(3);
  stop();
  const after = calls;
  await tick(30);
  expect(calls).toBe(after);
});
