// The notifier performs the notification and reminder effects of a lifecycle change
// (shared/src/lifecycle/effects.ts) — the requests commands call
// `notifier.onRequestChanged(request, newEvents, effects)` after each successful change:
//   notify_applicant → the citizen's inbox + live stream + a WeChat subscribe message when the
//                      citizen granted that template (a send job with a deterministic id)
//   notify_staff     → the inboxes of the body's staff concerned + the body's live stream
//   schedule_reminder / cancel_reminders → reminder jobs (reminders.ts)
// Everything is keyed by deterministic ids, so calling it twice for one change does nothing new.
// It never throws: a change is already stored when it runs; if a step fails it answers false and
// the change stays owed in the request's outbox (requests/commands/outbox.ts), which tells it
// again as replayed from the stored document (replay.ts): notices name the change's own events,
// and reminders are reconciled with later events (a reminder a later event cancelled stays
// cancelled).
//
// A replay never sends a WeChat subscribe message for an event older than
// SUBSCRIBE_REPLAY_WINDOW_MS: the send job's id is what makes a message single, and its archive
// entry is pruned after a while (retention.ts) — past the window nothing can schedule it again.
import {
  eventSentence,
  fold,
  type ApplicantNotice,
  type Effect,
  type EventType,
  type Phase,
  type RequestEvent,
  type RequestState,
  type Role,
  type StaffNotice,
} from '@zwgk/shared';
import type { Config, SubscribeField, SubscribeTemplateKey } from '../config';
import { assertDatabaseReachable } from '../db/reachability';
import { citizenChannel, staffChannel, type Bus } from '../events/bus';
import type { JobStore } from '../jobs';
import type { Logger } from '../log';
import { Staff } from '../models/staff';
import { consumeConsent, recordConsent } from './consent';
import { addToInbox, type InboxItem, type Recipient } from './inbox';
import type { NotifiableRequest, Notifier, StaffRef, TellOptions } from './types';
import { cancelReminders, scheduleReminder } from './reminders';
import { applicantNoticeEvent, applicantNoticeTitle, phasePhrase, staffNoticeEvent, staffNoticeTitle } from './texts';
import { WECHAT_SEND_KIND, type WechatSendPayload } from './wechat-send';

export interface NotifierDeps {
  bus: Bus;
  jobs: JobStore;
  logger: Logger;
  templates: Config['wechatTemplates'];
  /** false → no subscribe messages are scheduled (no WeChat AppID/secret configured). */
  wechatEnabled: boolean;
  /** Active staff of a body; default: the `staff` collection. */
  listStaff?: (bodyId: string) => Promise<StaffRef[]>;
  /** Called after scheduling work that is due now, so the runner picks it up without waiting. */
  wakeJobs?: () => void;
  now?: () => Date;
}

/**
 * A replay sends no subscribe message for an event older than this. Replays normally run within
 * minutes (retry backoff, guard delay) or hours (a long outage); a week-old status message would
 * be stale anyway. The send jobs' archive is kept well past it (retention.ts).
 */
export const SUBSCRIBE_REPLAY_WINDOW_MS = 7 * 24 * 3_600_000;

/** Whether a replay may still send a subscribe message for an event recorded at `at`. */
export function withinReplayWindow(at: string, now: Date): boolean {
  const t = Date.parse(at);
  // An unreadable time cannot prove the event is recent: at most once wins.
  return Number.isFinite(t) && now.getTime() - t <= SUBSCRIBE_REPLAY_WINDOW_MS;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const now = deps.now ?? (() => new Date());
  const listStaff =
    deps.listStaff ??
    (async (bodyId: string) => (await Staff.find({ bodyId, active: true }).lean()).map((s) => ({ id: String(s._id), role: s.role })));

  const view = (item: Omit<InboxItem, 'readAt'>) => ({ ...item, createdAt: item.createdAt.toISOString(), readAt: null, read: false });

  async function deliver(recipient: Recipient, channel: string, item: Omit<InboxItem, 'readAt'>, forStaff?: string): Promise<boolean> {
    const added = await addToInbox(recipient, item);
    if (added) {
      // `at` is when it was published (the item keeps its own createdAt).
      await deps.bus.publish(channel, { id: item.id, type: 'notification', at: new Date().toISOString(), data: view(item), ...(forStaff ? { for: forStaff } : {}) });
    }
    return added;
  }

  async function staffRecipients(bodyId: string, to: { role?: Role; id?: string } | undefined): Promise<string[]> {
    if (to?.id) return [to.id];
    const staff = await listStaff(bodyId);
    const matching = to?.role ? staff.filter((s) => s.role === to.role) : staff;
    // Nobody with that role in the body: tell everyone there rather than no one.
    return (matching.length ? matching : staff).map((s) => s.id);
  }

  async function notifyStaff(request: NotifiableRequest, to: { role?: Role; id?: string } | undefined, item: Parameters<Notifier['notifyStaff']>[2]) {
    const { idPrefix, ...rest } = item;
    const createdAt = now();
    for (const staffId of await staffRecipients(request.bodyId, to)) {
      await deliver(
        { kind: 'staff', id: staffId },
        staffChannel(request.bodyId),
        { ...rest, id: `${idPrefix}:staff:${staffId}`, requestId: request._id, requestNumber: request.number, createdAt },
        staffId,
      );
    }
  }

  /** Index (in request.events) of the newest new event of `type`; the last new event otherwise. */
  function eventIndex(request: NotifiableRequest, firstNewIndex: number, type: EventType): number {
    for (let i = request.events.length - 1; i >= firstNewIndex; i--) if (request.events[i]?.type === type) return i;
    return request.events.length - 1;
  }

  function stateAt(request: NotifiableRequest, index: number): RequestState | null {
    try {
      return fold(request.events.slice(0, index));
    } catch {
      return null;
    }
  }

  async function notifyApplicant(request: NotifiableRequest, firstNewIndex: number, notice: ApplicantNotice, told: TellOptions): Promise<void> {
    const citizenId = request.citizenId;
    if (!citizenId) return; // registered from paper/post/fax: nobody to reach in the app
    const index = eventIndex(request, firstNewIndex, applicantNoticeEvent[notice]);
    const event = request.events[index];
    if (!event) return;
    const before = stateAt(request, index);
    const after = stateAt(request, index + 1);
    const title = applicantNoticeTitle[notice];
    const body = eventSentence(event, 'citizen', before ?? undefined) ?? title;
    const item = { id: `${request._id}:${index}:citizen:${citizenId}`, kind: notice, requestId: request._id, requestNumber: request.number, title, body, createdAt: now() };
    await deliver({ kind: 'citizen', id: citizenId }, citizenChannel(citizenId), item);

    const templateKey = templateFor(notice, event);
    const template = templateKey ? deps.templates[templateKey] : undefined;
    if (!templateKey || !template || !deps.wechatEnabled) return;
    if (told.replay && !withinReplayWindow(event.at, now())) return;
    const values: Record<SubscribeField, string> = {
      number: request.number,
      title: request.content?.documentTitle || request.content?.description || '政府信息公开申请',
      status: after ? phasePhrase[after.phase] : '有更新',
      date: event.on,
      note: body,
      due: (event.type === 'request_correction' ? event.dueOn : request.dueOn) || event.on,
      notice: title,
    };
    const payload: WechatSendPayload = {
      citizenId,
      templateKey,
      page: `pages/thread/index?id=${encodeURIComponent(request._id)}`,
      data: Object.fromEntries(Object.entries(template.keys).map(([keyword, field]) => [keyword, values[field]])),
    };
    await scheduleSubscribeMessage(`wechat:${item.id}`, payload);
  }

  /** One consented message = one grant; a retried change finds the job and takes nothing. */
  async function scheduleSubscribeMessage(jobId: string, payload: WechatSendPayload): Promise<void> {
    if (await deps.jobs.get(jobId)) return;
    if (!(await consumeConsent(payload.citizenId, payload.templateKey))) return;
    const result = await deps.jobs.schedule({ id: jobId, kind: WECHAT_SEND_KIND, payload: { ...payload }, maxAttempts: 6, group: `wechat:${payload.citizenId}` });
    if (result !== 'scheduled') {
      // Scheduled by a concurrent call meanwhile: give the grant back.
      await recordConsent(payload.citizenId, payload.templateKey, true, now());
      return;
    }
    deps.wakeJobs?.();
  }

  async function apply(request: NotifiableRequest, firstNewIndex: number, effects: readonly Effect[], told: TellOptions): Promise<void> {
    for (const effect of effects) {
      switch (effect.type) {
        case 'notify_applicant':
          await notifyApplicant(request, firstNewIndex, effect.kind, told);
          break;
        case 'notify_staff': {
          const index = eventIndex(request, firstNewIndex, staffNoticeEvent[effect.kind]);
          const event = request.events[index];
          const sentence = event ? eventSentence(event, 'staff', stateAt(request, index) ?? undefined) : null;
          await notifyStaff(request, effect.to, {
            idPrefix: `${request._id}:${index}`,
            kind: effect.kind,
            title: staffNoticeTitle[effect.kind],
            body: `${request.number}：${sentence ?? staffNoticeTitle[effect.kind]}`,
          });
          break;
        }
        case 'schedule_reminder':
          await scheduleReminder(deps.jobs, request._id, effect.kind, effect.on);
          break;
        case 'cancel_reminders':
          await cancelReminders(deps.jobs, request._id, effect.kinds);
          break;
        case 'recompute_deadline':
          break; // the requests command stores dueOn itself
      }
    }
    // Open screens (the citizen's thread, the body's inbox) refresh on this.
    const last = request.events.length - 1;
    const phase = stateAt(request, request.events.length)?.phase ?? request.state ?? null;
    const changed = { requestId: request._id, number: request.number, phase, version: request.version ?? null, events: request.events.length };
    const at = now().toISOString();
    const id = `${request._id}:${last}:changed`;
    if (request.citizenId) await deps.bus.publish(citizenChannel(request.citizenId), { id, type: 'request_changed', at, data: changed });
    await deps.bus.publish(staffChannel(request.bodyId), { id, type: 'request_changed', at, data: changed });
  }

  return {
    notifyStaff,

    async onRequestChanged(request, newEvents, effects, told = {}) {
      try {
        assertDatabaseReachable(); // known gone: left to the request's outbox at once, not a wait per step
        await apply(request, request.events.length - newEvents.length, effects, told);
        return true;
      } catch (err) {
        // The change stays owed in the request's outbox, which tells it again (from the stored document).
        deps.logger.warn({ err, requestId: request._id }, 'notifications of a request change failed; the outbox tells it again');
        return false;
      }
    },

    async onMessagePosted(request, message) {
      try {
        const at = typeof message.at === 'string' ? message.at : message.at.toISOString();
        const text = message.text.length > 100 ? message.text.slice(0, 99) + '…' : message.text;
        const event = { id: `message:${message.id}`, type: 'message', at, data: { requestId: request._id, number: request.number, messageId: message.id, authorKind: message.author.kind } };
        if (message.author.kind === 'staff') {
          if (!request.citizenId) return true;
          await deliver({ kind: 'citizen', id: request.citizenId }, citizenChannel(request.citizenId), {
            id: `message:${message.id}:citizen:${request.citizenId}`,
            kind: 'message',
            requestId: request._id,
            requestNumber: request.number,
            title: '收到新的回复',
            body: text || '（附件）',
            createdAt: now(),
          });
          await deps.bus.publish(citizenChannel(request.citizenId), event);
        } else {
          const assignee = stateAt(request, request.events.length)?.assignee?.id;
          await notifyStaff(request, assignee ? { id: assignee } : { role: 'clerk' }, {
            idPrefix: `message:${message.id}`,
            kind: 'message',
            title: '申请人发来留言',
            body: `${request.number}：${text || '（附件）'}`,
          });
        }
        await deps.bus.publish(staffChannel(request.bodyId), event);
        return true;
      } catch (err) {
        // The message stays owed in the request's outbox, which tells it again.
        deps.logger.warn({ err, requestId: request._id }, 'message notification failed');
        return false;
      }
    },
  };
}

/** Which subscribe template tells the citizen about this notice; null → in-app only. */
export function templateFor(notice: ApplicantNotice, event: RequestEvent): SubscribeTemplateKey | null {
  if (notice === 'submitted') return null; // the citizen is looking at the confirmation already
  if (notice === 'withdrawn' && event.actor.role === 'citizen') return null;
  if (notice === 'correction_requested') return 'correction';
  if (notice === 'replied') return 'reply';
  return 'status';
}

export type { StaffNotice };
