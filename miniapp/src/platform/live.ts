// Live updates in the browser: Server-Sent Events (GET /api/stream). EventSource cannot send an
// Authorization header, so a one-minute ticket is fetched first (POST /api/stream/ticket).
// EventSource reconnects by itself after a network blip; when the server refuses the old
// ticket (or the stream ends for good) a new ticket is fetched after a pause.
// The weapp implementation is live.weapp.ts.
import { streamApi } from '../api/citizen';
import type { LiveConnector, LiveEvent, LiveEventType } from '../live/events';

const RETRY_MS = 3000;
const types: LiveEventType[] = ['ready', 'notification', 'request_changed', 'message'];

function requestIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const id = (data as { requestId?: unknown }).requestId;
  return typeof id === 'string' ? id : undefined;
}

export const connectLive: LiveConnector = (emit) => {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const retry = () => {
    source?.close();
    source = undefined;
    if (!closed) timer = setTimeout(open, RETRY_MS);
  };

  async function open(): Promise<void> {
    if (closed || typeof EventSource === 'undefined') return;
    let ticket: string;
    try {
      ({ ticket } = await streamApi.ticket());
    } catch {
      return retry();
    }
    if (closed) return;
    const es = new EventSource(`${API_BASE_URL}/stream?ticket=${encodeURIComponent(ticket)}`);
    source = es;
    for (const type of types) {
      es.addEventListener(type, (message) => {
        let data: unknown;
        try {
          data = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          data = undefined;
        }
        const event: LiveEvent = { type, data };
        const requestId = requestIdOf(data);
        if (requestId) event.requestId = requestId;
        emit(event);
      });
    }
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) retry();
    };
  }

  void open();
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
};
