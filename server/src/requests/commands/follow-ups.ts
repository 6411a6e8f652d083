// What follows a stored change of a request, registered in one place (background.ts): the report
// stamp, then the notifications module (inboxes, live events, subscribe messages, reminders), and
// later further channels. The outbox (outbox.ts) performs them, in order, for every change it
// owes. Each is idempotent (everything it creates has a deterministic id) and answers false
// instead of throwing when it left something undone: the entry then stays in the outbox and the
// sweep performs it again.
import type { Effect, RequestEvent } from '@zwgk/shared';
import type { NotifiableRequest, PostedMessage, TellOptions } from '../../notifications';

export interface FollowUp {
  /** Lifecycle events `newEvents` (the last ones of `request.events`) were stored with these effects. */
  onRequestChanged(request: NotifiableRequest, newEvents: readonly RequestEvent[], effects: readonly Effect[], options?: TellOptions): Promise<boolean>;
  /** A conversation message was stored. Absent: nothing follows a message. */
  onMessagePosted?(request: NotifiableRequest, message: PostedMessage): Promise<boolean>;
}
