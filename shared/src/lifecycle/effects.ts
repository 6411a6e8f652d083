// What a transition asks the caller to do, as data (the server performs it: notifications,
// reminders, the stored due date). Reminders carry the legal date they are due on.
import type { Calendar } from '../calendar/calendar';
import { addDays, type LegalDate } from '../calendar/dates';
import { clockOf } from '../clock/clock';
import { CORRECTION_NOTICE_WINDOW, DUE_SOON_WORKING_DAYS, FEE_PAYMENT_PERIOD, THIRD_PARTY_REPLY_PERIOD } from '../clock/periods';
import type { EventType, RequestEvent } from './events';
import type { Role } from './roles';
import type { RequestState } from './state';

export type ApplicantNotice =
  | 'submitted'
  | 'received'
  | 'correction_requested'
  | 'concluded_no_correction'
  | 'consultation_started'
  | 'consultation_ended'
  | 'extended'
  | 'fee_notice'
  | 'fee_paid'
  | 'concluded_unpaid_fee'
  | 'replied'
  | 'withdrawn';

export type StaffNotice =
  | 'new_submission'
  | 'correction_received'
  | 'fee_paid'
  | 'assigned'
  | 'review_requested'
  | 'ready_to_deliver'
  | 'decision_approved'
  | 'decision_rejected'
  | 'withdrawn';

export const reminderKinds = [
  'correction_window_ends',
  'reply_due_soon',
  'reply_overdue',
  'correction_overdue',
  'consultation_reply_due',
  'fee_overdue',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** What each reminder means, and which event the scheduler fires (as role 'system') when it comes due. */
export const reminderInfo: Record<ReminderKind, { label: string; fires?: EventType }> = {
  correction_window_ends: { label: '今天是告知补正的最后一天（收到申请后第7个工作日，《条例》第三十条）' },
  reply_due_soon: { label: `答复期限即将届满（剩余${DUE_SOON_WORKING_DAYS}个工作日）` },
  reply_overdue: { label: '已超过答复期限' },
  correction_overdue: { label: '补正期限已过，申请人未补正', fires: 'correction_expired' },
  consultation_reply_due: { label: `第三方答复期限（${THIRD_PARTY_REPLY_PERIOD}个工作日）届满，请结束征求意见` },
  fee_overdue: { label: '缴费期限已过，申请人未缴费', fires: 'fee_expired' },
};

export type Effect =
  | { type: 'notify_applicant'; kind: ApplicantNotice }
  | { type: 'notify_staff'; kind: StaffNotice; to?: { role?: Role; id?: string } }
  | { type: 'recompute_deadline' }
  | { type: 'schedule_reminder'; kind: ReminderKind; on: LegalDate }
  /** Cancel pending reminders of these kinds; all of them when `kinds` is absent. */
  | { type: 'cancel_reminders'; kinds?: ReminderKind[] };

const applicant = (kind: ApplicantNotice): Effect => ({ type: 'notify_applicant', kind });
const staff = (kind: StaffNotice, to?: { role?: Role; id?: string }): Effect => (to ? { type: 'notify_staff', kind, to } : { type: 'notify_staff', kind });
const recompute: Effect = { type: 'recompute_deadline' };
const remind = (kind: ReminderKind, on: LegalDate): Effect => ({ type: 'schedule_reminder', kind, on });
const cancel = (...kinds: ReminderKind[]): Effect => (kinds.length ? { type: 'cancel_reminders', kinds } : { type: 'cancel_reminders' });
const replyKinds: ReminderKind[] = ['reply_due_soon', 'reply_overdue'];

/** Reminders for the reply deadline, when the clock is running after this event. */
function replyReminders(after: RequestState, calendar: Calendar, on: LegalDate): Effect[] {
  const clock = clockOf(after, calendar, on);
  if (clock.status !== 'running' || !clock.dueOn) return [];
  const soon = calendar.addWorkingDays(clock.dueOn, -DUE_SOON_WORKING_DAYS);
  return [...(soon > on ? [remind('reply_due_soon', soon)] : []), remind('reply_overdue', calendar.addWorkingDays(clock.dueOn, 1))];
}

export function effectsOf(before: RequestState, after: RequestState, event: RequestEvent, ctx: { calendar: Calendar; requiresReview: boolean }): Effect[] {
  const { calendar } = ctx;
  const on = event.on;
  switch (event.type) {
    case 'submit':
      return [applicant('submitted'), staff('new_submission', { role: 'clerk' })];
    case 'confirm_receipt':
      return [
        applicant('received'),
        recompute,
        remind('correction_window_ends', calendar.addWorkingDays(after.receivedOn ?? on, CORRECTION_NOTICE_WINDOW)),
        ...replyReminders(after, calendar, on),
      ];
    case 'request_correction':
      return [applicant('correction_requested'), cancel('correction_window_ends', ...replyKinds), recompute, remind('correction_overdue', addDays(event.dueOn, 1))];
    case 'correction_received':
      return [staff('correction_received', after.assignee ? { id: after.assignee.id } : { role: 'clerk' }), cancel('correction_overdue'), recompute, ...replyReminders(after, calendar, on)];
    case 'correction_expired':
      return [applicant('concluded_no_correction'), cancel()];
    case 'start_consultation':
      return [
        applicant('consultation_started'),
        cancel(...replyKinds),
        recompute,
        ...(event.party === 'third_party' ? [remind('consultation_reply_due', calendar.addWorkingDays(on, THIRD_PARTY_REPLY_PERIOD))] : []),
      ];
    case 'end_consultation':
      return [applicant('consultation_ended'), cancel('consultation_reply_due'), recompute, ...replyReminders(after, calendar, on)];
    case 'extend':
      return [applicant('extended'), cancel(...replyKinds), recompute, ...replyReminders(after, calendar, on)];
    case 'issue_fee_notice': {
      const received = event.noticeReceivedOn ?? on;
      return [applicant('fee_notice'), cancel(...replyKinds), recompute, remind('fee_overdue', addDays(calendar.addWorkingDays(received, FEE_PAYMENT_PERIOD), 1))];
    }
    case 'fee_paid':
      return [applicant('fee_paid'), staff('fee_paid', after.assignee ? { id: after.assignee.id } : { role: 'clerk' }), cancel('fee_overdue'), recompute, ...replyReminders(after, calendar, on)];
    case 'fee_expired':
      return [applicant('concluded_unpaid_fee'), cancel()];
    case 'assign':
      return [staff('assigned', { id: event.assignee.id })];
    case 'decide':
      return ctx.requiresReview ? [staff('review_requested', { role: 'reviewer' })] : [staff('ready_to_deliver', { role: 'clerk' })];
    case 'approve':
      return [staff('decision_approved', { role: 'clerk' })];
    case 'reject':
      // Back to whoever drafted the reply.
      return [staff('decision_rejected', before.decision ? { id: before.decision.by.id } : { role: 'handler' })];
    case 'deliver':
      return [applicant('replied'), cancel()];
    case 'withdraw':
      return [applicant('withdrawn'), staff('withdrawn', after.assignee ? { id: after.assignee.id } : { role: 'clerk' }), cancel()];
    case 'close':
      return [cancel()];
    case 'record_review_result':
    case 'record_litigation_result':
      return [];
  }
}
