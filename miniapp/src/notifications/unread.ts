// The unread notification count shown as a badge on Home and Me, kept in one place for every
// page: read from GET /api/notifications, re-read on live events and when a page shows.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { notificationsApi } from '../api/citizen';
import { useData } from '../hooks/use-data';
import { currentSession, useSession } from '../session';

const event = 'zwgk:unread';
let unread = 0;

export function setUnread(count: number): void {
  unread = count;
  Taro.eventCenter.trigger(event, count);
}

/** Re-reads the count (0 when signed out or offline-unknown). */
export async function refreshUnread(): Promise<number> {
  if (!currentSession().signedIn) {
    setUnread(0);
    return 0;
  }
  try {
    const list = await notificationsApi.list();
    setUnread(list.unread);
  } catch {
    // keep the last known count
  }
  return unread;
}

/** The live unread count for a badge. */
export function useUnreadCount(): number {
  const [count, setCount] = useState(unread);
  const { signedIn } = useSession();
  useEffect(() => {
    const listener = (n: number) => setCount(n);
    Taro.eventCenter.on(event, listener);
    return () => {
      Taro.eventCenter.off(event, listener);
    };
  }, []);
  // The count itself travels by the event above (any page may change it); this only re-reads it.
  useData(refreshUnread, [signedIn], { live: (e) => e.type === 'notification' || e.type === 'ready', pullDown: false });
  return signedIn ? count : 0;
}
