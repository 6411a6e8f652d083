// Notifications, live updates and reminders, wired together (server.ts calls setupNotifications).
import mongoose from 'mongoose';
import type { Config } from '../config';
import type { Bus } from '../events/bus';
import { RetryLater, type JobRunner, type JobStore } from '../jobs';
import type { Logger } from '../log';
import type { WechatClient } from '../platforms/wechat';
import { createNotifier, NOTIFY_RETRY_KIND, type NotifiableRequest, type Notifier, type NotifyRetryPayload } from './notifier';
import { createReminderHandler, REMINDER_KIND, type SystemEventFirer } from './reminders';
import { createWechatSendHandler, WECHAT_SEND_KIND } from './wechat-send';

export { createNotifier, NOTIFY_RETRY_KIND, SUBSCRIBE_REPLAY_WINDOW_MS, templateFor, withinReplayWindow } from './notifier';
export type { NotifiableRequest, Notifier, NotifierDeps, NotifyRetryPayload, PostedMessage, StaffRef, TellOptions } from './notifier';
export { cancelReminders, REMINDER_KIND, reminderJobId, reminderRunAt, scheduleReminder, type SystemEventFirer } from './reminders';
export { WECHAT_SEND_KIND, type WechatSendPayload } from './wechat-send';
export { addToInbox, readInbox, markRead, markAllRead, Inbox, type InboxItem, type Recipient } from './inbox';
export { recordConsent, consumeConsent, availableConsent, markRefused, SubscribeConsent } from './consent';
export { NOTIFICATION_RETENTION, notificationsRetention } from './retention';

export interface NotificationsSetup {
  notifier: Notifier;
  /**
   * The requests module plugs in its command for events by the scheduler (补正/缴费期限届满);
   * until then expiry reminders only notify staff.
   */
  setSystemEventFirer(firer: SystemEventFirer | undefined): void;
  /**
   * The requests module plugs in its replay of a stored change (commands/requests/replay.ts), which
   * the `notify.request` retry job runs; until then such a job waits (RetryLater).
   */
  setChangeReplayer(replayer: ChangeReplayer | undefined): void;
}

/**
 * Tells events `from … to-1` of the stored request again, from the stored document (notices
 * naming those events, reminders reconciled with any later events). `incomplete`: a step failed
 * again; `not_stored`: no such request or events (nothing to tell).
 */
export type ChangeReplayer = (requestId: string, from: number, to: number) => Promise<'told' | 'incomplete' | 'not_stored'>;

/** `to` of a retry job stored before the payload carried it: its id is `notify:<requestId>:<to>`. */
function retryEnd(job: { id: string; payload: Record<string, unknown> }): number {
  const p = job.payload as unknown as NotifyRetryPayload;
  return typeof p.to === 'number' ? p.to : Number(job.id.slice(job.id.lastIndexOf(':') + 1));
}

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

export function setupNotifications(deps: {
  config: Config;
  logger: Logger;
  bus: Bus;
  jobs: JobStore;
  runner: JobRunner;
  wechat: WechatClient | undefined;
  loadRequest?: (id: string) => Promise<NotifiableRequest | null>;
  now?: () => Date;
}): NotificationsSetup {
  const logger = deps.logger.child({ component: 'notifications' });
  const loadRequest = deps.loadRequest ?? loadRequestById;
  const notifier = createNotifier({
    bus: deps.bus,
    jobs: deps.jobs,
    logger,
    templates: deps.config.wechatTemplates,
    wechatEnabled: Boolean(deps.wechat),
    wakeJobs: () => deps.runner.wake(),
    ...(deps.now ? { now: deps.now } : {}),
  });
  let firer: SystemEventFirer | undefined;
  let replayer: ChangeReplayer | undefined;

  deps.runner.register(WECHAT_SEND_KIND, createWechatSendHandler({ wechat: deps.wechat, templates: deps.config.wechatTemplates, ...(deps.now ? { now: deps.now } : {}) }));
  deps.runner.register(
    REMINDER_KIND,
    createReminderHandler({ notifier, logger, loadRequest, fireSystemEvent: () => firer, ...(deps.now ? { now: deps.now } : {}) }),
  );
  // Never the effects the failed call was given, against whatever the request is now: later
  // events may be stored (notifier.ts explains). The requests module's replay tells the change.
  deps.runner.register(NOTIFY_RETRY_KIND, async (job) => {
    const p = job.payload as unknown as NotifyRetryPayload;
    const to = retryEnd(job);
    if (!replayer) throw new RetryLater('no replay of request changes plugged in yet');
    if (!Number.isInteger(to) || to <= p.firstNewIndex) return { skipped: 'bad_range' };
    const outcome = await replayer(p.requestId, p.firstNewIndex, to);
    if (outcome === 'incomplete') throw new RetryLater('notices of the change not all delivered');
    return { retold: outcome, from: p.firstNewIndex, to };
  });

  return {
    notifier,
    setSystemEventFirer(f) {
      firer = f;
    },
    setChangeReplayer(r) {
      replayer = r;
    },
  };
}
