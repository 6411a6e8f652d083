// Live updates in the WeChat mini-program: wx.request cannot hold an EventSource, and chunked
// transfer (enableChunked) is not delivered reliably on every client, so the console polls while a
// page is open (and the inbox also refreshes on show and on pull-down). Same interface as live.ts.
import type { LiveListener, LiveStatus } from './live';

export type { LiveListener, LiveStatus } from './live';

export const POLL_MS = 30_000;

export function subscribeStaffLive(listener: LiveListener, onStatus: (status: LiveStatus) => void = () => undefined): () => void {
  onStatus('polling');
  const timer = setInterval(() => listener({ type: 'poll' }), POLL_MS);
  return () => clearInterval(timer);
}
