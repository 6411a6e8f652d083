import { createCalendar } from '../calendar/calendar';
import type { RequestEvent } from './events';
import { ev } from './fixtures';
import { fold, LifecycleError, replay } from './fold';
import { initialState } from './state';
import { transition } from './transition';

const calendar = createCalendar();
const ctx = { calendar, requiresReview: true };
const history: RequestEvent[] = [
  ev('submit', '2024-02-01', 'citizen'),
  ev('confirm_receipt', '2024-02-01', 'clerk'),
  ev('assign', '2024-02-02', 'clerk'),
  ev('request_correction', '2024-02-05', 'clerk', { dueOn: '2024-02-29' }),
  ev('correction_received', '2024-02-26', 'citizen'),
  ev('start_consultation', '2024-02-27', 'handler'),
  ev('end_consultation', '2024-03-05', 'handler', { reply: 'objected' }),
  ev('extend', '2024-03-20', 'reviewer', { days: 10, reason: '涉及第三方' }),
  ev('decide', '2024-03-25', 'handler', { outcome: 'partial', legalBasis: '《条例》第三十七条' }),
  ev('approve', '2024-03-26', 'reviewer'),
  ev('deliver', '2024-03-27', 'clerk'),
  ev('close', '2024-03-28', 'clerk'),
];

describe('fold', () => {
  it('equals applying the transitions one by one', () => {
    let state = initialState;
    for (const e of history) {
      const r = transition(state, e, ctx);
      if (!r.ok) throw new Error(r.reason);
      state = r.state;
    }
    expect(fold(history)).toEqual(state);
    expect(state).toMatchObject({
      phase: 'closed',
      receivedOn: '2024-02-01',
      outcome: 'partial',
      concludedOn: '2024-03-27',
      closedOn: '2024-03-28',
      assignee: { id: 's-handler', department: '县财政局' },
      extension: { on: '2024-03-20', days: 10, reason: '涉及第三方' },
      consultations: [{ party: 'third_party', with: '某某公司', startedOn: '2024-02-27', endedOn: '2024-03-05', reply: 'objected' }],
    });
  });

  it('replay checks everything and says which event fails', () => {
    expect(replay(history, ctx)).toMatchObject({ ok: true });
    const bad = [...history.slice(0, 2), ev('request_correction', '2024-02-20', 'clerk', { dueOn: '2024-03-05' })];
    expect(replay(bad, ctx)).toMatchObject({ ok: false, index: 2, code: 'correction_window_passed' });
  });

  it('refuses a history that cannot happen', () => {
    expect(() => fold([ev('confirm_receipt', '2024-02-01', 'clerk')])).toThrow(LifecycleError);
    expect(() => fold([ev('confirm_receipt', '2024-02-01', 'clerk')])).toThrow('第1个事件无效');
  });

  it('does not re-check date guards on replay (the calendar may have been corrected since)', () => {
    // A corrected calendar in which Saturday 2-3 is a working day: the 7th working day becomes 2-8.
    const strict = createCalendar([{ date: '2024-02-03', kind: 'work' }]);
    const events = [ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk'), ev('request_correction', '2024-02-09', 'clerk', { dueOn: '2024-02-29' })];
    expect(replay(events, { calendar: strict, requiresReview: true })).toMatchObject({ ok: false, code: 'correction_window_passed' });
    expect(fold(events).phase).toBe('correction_requested');
  });
});
