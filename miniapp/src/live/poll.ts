// Live updates by polling the notification list (what the weapp does, see platform/live.weapp.ts):
// the first answer only records what exists; every later notice not seen before is announced,
// with a request_changed for its request so an open thread re-reads itself.
import type { NotificationList } from '../api/citizen';
import type { LiveEvent } from './events';

export function pollNotifications(list: () => Promise<NotificationList>, emit: (event: LiveEvent) => void, intervalMs: number): () => void {
  let seen: Set<string> | undefined;
  let stopped = false;

  const poll = async () => {
    try {
      const { items } = await list();
      if (stopped) return;
      if (seen === undefined) {
        seen = new Set(items.map((i) => i.id));
        emit({ type: 'ready' });
        return;
      }
      // Oldest first, so listeners see them in the order they happened.
      for (const item of [...items].reverse()) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        emit({ type: 'notification', data: item, ...(item.requestId ? { requestId: item.requestId } : {}) });
        if (item.requestId) emit({ type: 'request_changed', requestId: item.requestId });
      }
    } catch {
      // Offline or signed out: try again at the next tick.
    }
  };

  void poll();
  const timer = setInterval(() => void poll(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
