// What live updates say. They are hints to look again: the data itself is always re-read
// through the API (server/src/routes/stream).
/** 'poll': no event stream here, only a timer saying "look again" (staff console in WeChat, old browsers). */
export type LiveEventType = 'ready' | 'notification' | 'request_changed' | 'message' | 'poll';

export interface LiveEvent {
  type: LiveEventType;
  /** The request concerned, when there is one. */
  requestId?: string;
  data?: unknown;
}

/** Whose session the connection speaks for: the citizen app and the staff console have separate ones. */
export type LiveAudience = 'citizen' | 'staff';

/** How the connection stands, for a page that says so (the staff inbox). */
export type LiveStatus = 'connecting' | 'live' | 'polling' | 'offline';

/** Opens the platform's live connection for `audience`; returns the function that closes it. */
export type LiveConnector = (audience: LiveAudience, emit: (event: LiveEvent) => void, onStatus: (status: LiveStatus) => void) => () => void;
