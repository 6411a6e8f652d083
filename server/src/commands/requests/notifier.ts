// The call site of notifications (issue 4 §6): after every successful change of a request the
// commands call the notifications module (server/src/notifications, AppDeps.notifier):
// `onRequestChanged(request, newEvents, effects)` for lifecycle events and
// `onMessagePosted(request, message)` for conversation messages. It is idempotent and never
// throws (it retries through a job), so a stored change is never reported as failed; it answers
// false when something was left undone (the change's notification guard then tells it again).
import type { Notifier } from '../../notifications';

export type RequestNotifier = Pick<Notifier, 'onRequestChanged' | 'onMessagePosted'>;

/** For tools and tests that run commands without the notifications module. */
export const noopNotifier: RequestNotifier = { onRequestChanged: async () => true, onMessagePosted: async () => true };
