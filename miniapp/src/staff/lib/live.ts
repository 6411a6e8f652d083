// Live updates of the console in a browser (H5): the server's Server-Sent Events stream
// (GET /api/stream, opened with a one-minute ticket because EventSource cannot send headers).
// Events are hints to refetch; the data is always read through the API. The weapp
// implementation is live.weapp.ts (Taro picks it by file name at build time).
import { staffEndpoints } from '../api/staff-api';

export type LiveStatus = 'connecting' | 'live' | 'polling' | 'offline';

/** What a page hears: something changed for my body (a request, a message, a notification). */
export type LiveListener = (event: { type: string; requestId?: string }) => void;

const LIVE_EVENTS = ['request_changed', 'message', 'notification'];
/** Without a stream (old browser, proxy refusing it) the page polls instead. */
export const POLL_MS = 30_000;

export function subscribeStaffLive(listener: LiveListener, onStatus: (status: LiveStatus) => void = () => undefined): () => void {
  let closed = false;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const poll = () => {
    onStatus('polling');
    const tick = () => {
      if (closed) return;
      listener({ type: 'poll' });
      timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
  };

  const connect = async () => {
    if (closed) return;
    if (typeof EventSource === 'undefined') return poll();
    onStatus('connecting');
    let ticket: string;
    try {
      ticket = (await staffEndpoints.streamTicket()).ticket;
    } catch {
      onStatus('offline');
      timer = setTimeout(() => void connect(), Math.min(60_000, 3000 * 2 ** failures++));
      return;
    }
    if (closed) return;
    source = new EventSource(`${API_BASE_URL}/stream?ticket=${encodeURIComponent(ticket)}`);
    source.addEventListener('ready', () => {
      failures = 0;
      onStatus('live');
    });
    for (const type of LIVE_EVENTS) {
      source.addEventListener(type, (e) => {
        let requestId: string | undefined;
        try {
          const data = JSON.parse((e as MessageEvent<string>).data) as { requestId?: unknown };
          if (typeof data.requestId === 'string') requestId = data.requestId;
        } catch {
          // a hint without data still means "look again"
        }
        listener({ type, ...(requestId ? { requestId } : {}) });
      });
    }
    // The ticket is valid for a minute: EventSource's own reconnect would reuse an expired one,
    // so on an error the stream is reopened with a fresh ticket (backing off).
    source.onerror = () => {
      source?.close();
      source = undefined;
      if (closed) return;
      onStatus('offline');
      timer = setTimeout(() => void connect(), Math.min(60_000, 1000 * 2 ** failures++));
    };
  };

  void connect();
  return () => {
    closed = true;
    source?.close();
    if (timer) clearTimeout(timer);
  };
}
