// Notifications, live updates and reminders (background.ts creates the notifier and registers the jobs).
import mongoose from 'mongoose';
import type { Config } from '../config';
import type { Bus } from '../events/bus';
import type { JobRunner, JobStore } from '../jobs';
import type { Logger } from '../log';
import type { WechatClient } from '../platforms/wechat';
import { createNotifier } from './notifier';
import type { NotifiableRequest, Notifier } from './types';
import { createReminderHandler, REMINDER_KIND, type SystemEventFirer } from './reminders';
import { createWechatSendHandler, WECHAT_SEND_KIND } from './wechat-send';

export { createNotifier, SUBSCRIBE_REPLAY_WINDOW_MS, templateFor, withinReplayWindow } from './notifier';
export type { NotifierDeps } from './notifier';
export type { NotifiableRequest, Notifier, PostedMessage, StaffRef, TellOptions } from './types';
export { cancelReminders, REMINDER_KIND, reminderJobId, reminderRunAt, scheduleReminder, type SystemEventFirer } from './reminders';
export { WECHAT_SEND_KIND, type WechatSendPayload } from './wechat-send';
export { addToInbox, readInbox, markRead, markAllRead, Inbox, type InboxItem, type Recipient } from './inbox';
export { recordConsent, consumeConsent, availableConsent, markRefused, SubscribeConsent } from './consent';
export { NOTIFICATION_RETENTION, notificationsRetention } from './retention';

/** Reads a request by `_id` from the `requests` collection (owned by the requests module). */
export async function loadRequestById(id: string): Promise<NotifiableRequest | null> {
  const doc = await mongoose.connection.collection('requests').findOne({ _id: id as never });
  return (doc as unknown as NotifiableRequest | null) ?? null;
}

/** Only the events of a request (what the retention of its reminders looks at), by `_id`. */
export async function loadRequestEvents(id: string): Promise<{ events: unknown[] } | null> {
  const doc = await mongoose.connection.collection('requests').findOne({ _id: id as never }, { projection: { events: 1 } });
  return doc ? { events: (doc.events as unknown[] | undefined) ?? [] } : null;
}

interface NotificationsDeps {
  config: Config;
  logger: Logger;
  bus: Bus;
  jobs: JobStore;
  runner: JobRunner;
  wechat: WechatClient | undefined;
  now?: () => Date;
}

/** The notifier of this instance: what it schedules wakes the runner. */
export function createInstanceNotifier(deps: NotificationsDeps): Notifier {
  return createNotifier({
    bus: deps.bus,
    jobs: deps.jobs,
    logger: deps.logger.child({ component: 'notifications' }),
    templates: deps.config.wechatTemplates,
    wechatEnabled: Boolean(deps.wechat),
    wakeJobs: () => deps.runner.wake(),
    ...(deps.now ? { now: deps.now } : {}),
  });
}

/**
 * The module's jobs: subscribe-message sends, and reminders — which record the scheduler's events
 * (补正/缴费期限届满) through `fireSystemEvent`, the requests command (background.ts wires it).
 */
export function registerNotificationJobs(
  deps: NotificationsDeps & { notifier: Notifier; fireSystemEvent?: SystemEventFirer; loadRequest?: (id: string) => Promise<NotifiableRequest | null> },
): void {
  const logger = deps.logger.child({ component: 'notifications' });
  deps.runner.register(WECHAT_SEND_KIND, createWechatSendHandler({ wechat: deps.wechat, templates: deps.config.wechatTemplates, ...(deps.now ? { now: deps.now } : {}) }));
  deps.runner.register(
    REMINDER_KIND,
    createReminderHandler({
      notifier: deps.notifier,
      logger,
      loadRequest: deps.loadRequest ?? loadRequestById,
      ...(deps.fireSystemEvent ? { fireSystemEvent: deps.fireSystemEvent } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
}
