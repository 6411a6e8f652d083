import { createCalendar } from '../calendar/calendar';
import { ev } from './fixtures';
import { fold } from './fold';
import { initialState } from './state';
import { transition } from './transition';
import { reminderInfo } from './effects';

const calendar = createCalendar();
const ctx = { calendar, requiresReview: true };
const submitted = fold([ev('submit', '2024-02-01', 'citizen')]);
const received = fold([ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk')]);

function effects(state: typeof initialState, event: unknown) {
  const r = transition(state, event, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.effects;
}

describe('effects as data', () => {
  it('submission notifies the applicant and the clerks', () => {
    expect(effects(initialState, ev('submit', '2024-02-01', 'citizen'))).toEqual([
      { type: 'notify_applicant', kind: 'submitted' },
      { type: 'notify_staff', kind: 'new_submission', to: { role: 'clerk' } },
    ]);
  });

  it('receipt schedules the correction-window and reply reminders on the right days', () => {
    // due 2024-03-05; 3 working days before: 2-29; the day after due: 3-6; 7th working day: 2-9
    expect(effects(submitted, ev('confirm_receipt', '2024-02-01', 'clerk'))).toEqual([
      { type: 'notify_applicant', kind: 'received' },
      { type: 'recompute_deadline' },
      { type: 'schedule_reminder', kind: 'correction_window_ends', on: '2024-02-09' },
      { type: 'schedule_reminder', kind: 'reply_due_soon', on: '2024-02-29' },
      { type: 'schedule_reminder', kind: 'reply_overdue', on: '2024-03-06' },
    ]);
  });

  it('a correction request stops the reply reminders and schedules the expiry', () => {
    expect(effects(received, ev('request_correction', '2024-02-05', 'clerk', { dueOn: '2024-02-29' }))).toEqual([
      { type: 'notify_applicant', kind: 'correction_requested' },
      { type: 'cancel_reminders', kinds: ['correction_window_ends', 'reply_due_soon', 'reply_overdue'] },
      { type: 'recompute_deadline' },
      { type: 'schedule_reminder', kind: 'correction_overdue', on: '2024-03-01' },
    ]);
    expect(reminderInfo.correction_overdue.fires).toBe('correction_expired');
  });

  it('the correction restarts the reply reminders from the new due date', () => {
    const asked = fold([ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk'), ev('request_correction', '2024-02-05', 'clerk', { dueOn: '2024-02-29' })]);
    // restart 2024-02-26 → due 2024-03-25; due soon 3-20; overdue 3-26
    expect(effects(asked, ev('correction_received', '2024-02-26', 'citizen'))).toEqual([
      { type: 'notify_staff', kind: 'correction_received', to: { role: 'clerk' } },
      { type: 'cancel_reminders', kinds: ['correction_overdue'] },
      { type: 'recompute_deadline' },
      { type: 'schedule_reminder', kind: 'reply_due_soon', on: '2024-03-20' },
      { type: 'schedule_reminder', kind: 'reply_overdue', on: '2024-03-26' },
    ]);
  });

  it('a third-party consultation schedules its 15-day reply reminder; another body does not', () => {
    expect(effects(received, ev('start_consultation', '2024-02-05', 'handler'))).toContainEqual({ type: 'schedule_reminder', kind: 'consultation_reply_due', on: '2024-03-01' }); // 2-6..2-9 = 4, 2-18 日 = 5, 2-19..2-23 = 10, 2-26..3-1 = 15
    expect(effects(received, ev('start_consultation', '2024-02-05', 'handler', { party: 'other_body', with: '县档案馆' })).some((e) => e.type === 'schedule_reminder')).toBe(false);
  });

  it('an extension tells the applicant (Art. 33) and moves the reminders', () => {
    expect(effects(received, ev('extend', '2024-03-01', 'reviewer', { days: 20 }))).toEqual([
      { type: 'notify_applicant', kind: 'extended' },
      { type: 'cancel_reminders', kinds: ['reply_due_soon', 'reply_overdue'] },
      { type: 'recompute_deadline' },
      { type: 'schedule_reminder', kind: 'reply_due_soon', on: '2024-03-28' },
      { type: 'schedule_reminder', kind: 'reply_overdue', on: '2024-04-03' },
    ]);
  });

  it('a fee notice schedules the unpaid-fee expiry the day after the payment deadline', () => {
    expect(effects(received, ev('issue_fee_notice', '2024-02-02', 'clerk'))).toContainEqual({ type: 'schedule_reminder', kind: 'fee_overdue', on: '2024-03-07' });
  });

  it('delivery, withdrawal and expiries cancel every reminder', () => {
    const decided = fold([ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk'), ev('decide', '2024-02-05', 'handler'), ev('approve', '2024-02-06', 'reviewer')]);
    expect(effects(decided, ev('deliver', '2024-02-07', 'clerk'))).toEqual([{ type: 'notify_applicant', kind: 'replied' }, { type: 'cancel_reminders' }]);
    expect(effects(received, ev('withdraw', '2024-02-07', 'citizen'))).toContainEqual({ type: 'cancel_reminders' });
  });

  it('a decision asks the reviewer when review is required', () => {
    expect(effects(received, ev('decide', '2024-02-05', 'handler'))).toEqual([{ type: 'notify_staff', kind: 'review_requested', to: { role: 'reviewer' } }]);
    const r = transition(received, ev('decide', '2024-02-05', 'handler'), { calendar, requiresReview: false });
    expect(r.ok && r.effects).toEqual([{ type: 'notify_staff', kind: 'ready_to_deliver', to: { role: 'clerk' } }]);
  });
});
