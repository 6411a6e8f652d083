// Live updates in the browser: Server-Sent Events (GET /api/stream). EventSource cannot send an
// Authorization header, so a one-minute ticket is fetched first (POST /api/stream/ticket) with
// the audience's own session. EventSource's own reconnect would reuse an expired ticket, so after
// an error the stream is reopened with a fresh one, backing off. Without EventSource (an old
// browser) pages are told to look again every POLL_MS.
// The weapp implementation is live.weapp.ts.
import { streamApi } from '../api/citizen';
import type { LiveAudience, LiveConnector, LiveEvent, LiveEventType } from '../live/events';
import { staffEndpoints } from '../staff/api/staff-api';

export const POLL_MS = 30_000;
const MAX_BACKOFF_MS = 60_000;
const types: LiveEventType[] = ['ready', 'notification', 'request_changed', 'message'];

const ticketOf: Record<LiveAudience, () => Promise<{ ticket: string }>> = {
  citizen: () => streamApi.ticket(),
  staff: () => staffEndpoints.streamTicket(),
};

function requestIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as { requestId?: unknown }).requestId;
  return typeof id === 'string' ? id : undefined;
}

export const connectLive: LiveConnector = (audience, emit, onStatus) => {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let failures = 0;

  const again = (baseMs: number) => {
    onStatus('offline');
    timer = setTimeout(() => void open(), Math.min(MAX_BACKOFF_MS, baseMs * 2 ** failures++));
  };

  const poll = () => {
    onStatus('polling');
    timer = setTimeout(() => {
      if (closed) return;
      emit({ type: 'poll' });
      poll();
    }, POLL_MS);
  };

  async function open(): Promise<void> {
    if (closed) return;
    if (typeof EventSource === 'undefined') return poll();
    onStatus('connecting');
    let ticket: string;
    try {
      ({ ticket } = await ticketOf[audience]());
    } catch {
      if (!closed) again(3000);
      return;
    }
    if (closed) return;
    const es = new EventSource(`${API_BASE_URL}/stream?ticket=${encodeURIComponent(ticket)}`);
    source = es;
    es.addEventListener('ready', () => {
      failures = 0;
      onStatus('live');
    });
    for (const type of types) {
      es.addEventListener(type, (message) => {
        let data: unknown;
        try {
          data = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          data = undefined; // a hint without data still means "look again"
        }
        const event: LiveEvent = { type, data };
        const requestId = requestIdOf(data);
        if (requestId) event.requestId = requestId;
        emit(event);
      });
    }
    es.onerror = () => {
      es.close();
      source = undefined;
      if (!closed) again(1000);
    };
  }

  void open();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
};
