// Live updates inside WeChat: the mini-program cannot hold an EventSource, and chunked
// Taro.request streaming is not dependable on every base library, so the app polls while a page
// listens. The citizen's notification list is polled every 15 s (the server creates a
// notification for every change the citizen should see) and what is new is announced; the staff
// console is told to look again every 30 s. Honest: up to 15 s (30 s) late.
import { notificationsApi } from '../api/citizen';
import type { LiveConnector } from '../live/events';
import { pollNotifications } from '../live/poll';

export const CITIZEN_POLL_MS = 15_000;
export const POLL_MS = 30_000;

export const connectLive: LiveConnector = (audience, emit, onStatus) => {
  onStatus('polling');
  if (audience === 'citizen') return pollNotifications(() => notificationsApi.list(), emit, CITIZEN_POLL_MS);
  const timer = setInterval(() => emit({ type: 'poll' }), POLL_MS);
  return () => clearInterval(timer);
};
