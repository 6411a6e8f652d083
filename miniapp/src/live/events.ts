// What live updates say. They are hints to look again: the data itself is always re-read
// through the API (server/src/routes/stream).
export type LiveEventType = 'ready' | 'notification' | 'request_changed' | 'message';

export interface LiveEvent {
  type: LiveEventType;
  /** The request concerned, when there is one. */
  requestId?: string;
  data?: unknown;
}

/** Opens the platform's live connection; returns the function that closes it. */
export type LiveConnector = (emit: (event: LiveEvent) => void) => () => void;
