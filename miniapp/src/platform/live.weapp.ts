// Live updates inside WeChat: the mini-program cannot hold an EventSource, and chunked
// Taro.request streaming is not dependable on every base library, so the app polls the
// notification list while a page listens (every 15 s; the server creates a notification for
// every change the citizen should see) and announces what is new. Honest: up to 15 s late.
import { notificationsApi } from '../api/citizen';
import type { LiveConnector } from '../live/events';
import { pollNotifications } from '../live/poll';

export const POLL_MS = 15_000;

export const connectLive: LiveConnector = (emit) => pollNotifications(() => notificationsApi.list(), emit, POLL_MS);
