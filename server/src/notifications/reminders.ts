// Reminders of the legal clock (effects `schedule_reminder` / `cancel_reminders`): one job per
// request × kind × date, id `reminder:<requestId>:<kind>:<date>`, so a reminder is scheduled
// once, survives restarts (it is a document), fires once (jobs/ archives it) and is cancelled
// when the request moves on. When it fires it re-checks the request (a reminder whose reason
// has gone does nothing), tells the staff concerned, and for expiries (补正/缴费期限届满) fires
// the expiry event through the requests command when one is plugged in.
import { fold, isConcluded, reminderInfo, type EventType, type LegalDate, type Phase, type ReminderKind, type RequestEvent } from '@zwgk/shared';
import type { ClaimedJob, JobStore } from '../jobs';
import type { Logger } from '../log';
import type { NotifiableRequest, Notifier } from './types';
import { reminderTitle } from './texts';

export const REMINDER_KIND = 'reminder';

export interface ReminderPayload {
  requestId: string;
  kind: ReminderKind;
  on: LegalDate;
}

export const reminderJobId = (requestId: string, kind: ReminderKind, on: LegalDate) => `reminder:${requestId}:${kind}:${on}`;
export const reminderGroup = (requestId: string) => `reminders:${requestId}`;

/**
 * When a reminder of date `on` runs (Beijing time): expiries at the start of the day after the
 * deadline (the deadline day belongs to the applicant), staff reminders at the start of the
 * working day.
 */
export function reminderRunAt(kind: ReminderKind, on: LegalDate): Date {
  const time = reminderInfo[kind].fires ? '00:00' : '08:30';
  return new Date(`${on}T${time}:00+08:00`);
}

export async function scheduleReminder(jobs: JobStore, requestId: string, kind: ReminderKind, on: LegalDate) {
  return jobs.schedule({
    id: reminderJobId(requestId, kind, on),
    kind: REMINDER_KIND,
    runAt: reminderRunAt(kind, on),
    payload: { requestId, kind, on } satisfies ReminderPayload,
    group: reminderGroup(requestId),
    tag: kind,
  });
}

export async function cancelReminders(jobs: JobStore, requestId: string, kinds?: readonly ReminderKind[]): Promise<number> {
  return jobs.cancel({ group: reminderGroup(requestId), kind: REMINDER_KIND, ...(kinds ? { tags: kinds } : {}) });
}

/** The phases in which a reminder still means something when it fires. */
const stillRelevant: Record<ReminderKind, (phase: Phase) => boolean> = {
  correction_window_ends: (p) => p === 'received',
  reply_due_soon: (p) => ['received', 'decided', 'approved'].includes(p),
  reply_overdue: (p) => ['received', 'decided', 'approved'].includes(p),
  correction_overdue: (p) => p === 'correction_requested',
  consultation_reply_due: (p) => p === 'consultation',
  fee_overdue: (p) => p === 'fee_pending',
};

/** The requests command that records an event by the scheduler (role 'system'). */
export type SystemEventFirer = (requestId: string, event: { type: EventType; at: string; on: LegalDate; actor: { role: 'system'; id: string } }) => Promise<unknown>;

export interface ReminderHandlerDeps {
  notifier: Notifier;
  logger: Logger;
  loadRequest: (id: string) => Promise<NotifiableRequest | null>;
  /** The requests command (background.ts); without it expiries only remind staff. */
  fireSystemEvent?: SystemEventFirer;
  now?: () => Date;
}

export function createReminderHandler(deps: ReminderHandlerDeps) {
  const now = deps.now ?? (() => new Date());
  return async (job: ClaimedJob): Promise<Record<string, unknown>> => {
    const { requestId, kind, on } = job.payload as unknown as ReminderPayload;
    const request = await deps.loadRequest(requestId);
    if (!request) return { skipped: 'request_gone' };
    let phase: Phase;
    try {
      phase = fold(request.events as RequestEvent[]).phase;
    } catch {
      return { skipped: 'history_unreadable' };
    }
    if (isConcluded(phase) || !stillRelevant[kind](phase)) return { skipped: 'moved_on', phase };

    const info = reminderInfo[kind];
    let fired: string | null = null;
    const firer = deps.fireSystemEvent;
    if (info.fires && firer) {
      // Through the requests command: it checks the lifecycle again, stores the event with what
      // it owes (the citizen hears of it through the request's outbox).
      await firer(requestId, { type: info.fires, at: now().toISOString(), on, actor: { role: 'system', id: 'scheduler' } });
      fired = info.fires;
    }
    const assignee = (() => {
      try {
        return fold(request.events as RequestEvent[]).assignee?.id;
      } catch {
        return undefined;
      }
    })();
    await deps.notifier.notifyStaff(request, assignee ? { id: assignee } : { role: 'clerk' }, {
      idPrefix: job.id,
      kind,
      title: reminderTitle[kind],
      body: `${request.number}：${info.label}${fired ? '，系统已按规定办结' : ''}`,
    });
    return { notified: true, fired };
  };
}
