// What the notifications module offers and reads, apart from how it does it (notifier.ts): the
// reminders and the requests module's follow-ups need these types, the notifier needs the
// reminders — so the types live below both.
import type { Effect, Phase, RequestEvent, Role } from '@zwgk/shared';
import type { InboxItem } from './inbox';

/** What the notifier reads of a request (a subset of requests/models/request.ts RequestRecord). */
export interface NotifiableRequest {
  _id: string;
  number: string;
  bodyId: string;
  citizenId: string | null;
  events: RequestEvent[];
  content?: { description?: string; documentTitle?: string };
  state?: Phase | string;
  dueOn?: string | null;
  version?: number;
}

export interface PostedMessage {
  id: string;
  at: Date | string;
  author: { kind: 'citizen' | 'staff'; id: string; name?: string };
  text: string;
}

export interface StaffRef {
  id: string;
  role: string;
}

/** How a change is being told. */
export interface TellOptions {
  /**
   * Told again from the stored document (the outbox's sweep, a retried filing), not right after the
   * write: subscribe messages only while the event is recent (SUBSCRIBE_REPLAY_WINDOW_MS).
   */
  replay?: boolean;
}

export interface Notifier {
  /** Never throws. true: everything done; false: a step failed (the request's outbox tells the change again). */
  onRequestChanged(request: NotifiableRequest, newEvents: readonly RequestEvent[], effects: readonly Effect[], options?: TellOptions): Promise<boolean>;
  /** A conversation message: tells the other side (in-app + live). Never throws; false when it failed. */
  onMessagePosted(request: NotifiableRequest, message: PostedMessage): Promise<boolean>;
  /** In-app + live notification of the body's staff (`to` as in notify_staff effects). */
  notifyStaff(request: NotifiableRequest, to: { role?: Role; id?: string } | undefined, item: Omit<InboxItem, 'readAt' | 'createdAt' | 'id' | 'requestId' | 'requestNumber'> & { idPrefix: string }): Promise<void>;
}
