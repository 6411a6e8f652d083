// Property checks of the clock against the calendar's plain working-day arithmetic: whatever the
// receipt date (2019–2026), pause and extension, the due date equals "receipt + 20 + extension +
// paused working days", and the countdown runs from the full period to 0 on the due date.
import fc from 'fast-check';
import { createCalendar } from '../calendar/calendar';
import { addDays } from '../calendar/dates';
import { ev } from '../lifecycle/fixtures';
import { legalClock } from './legal-clock';

const calendar = createCalendar();
const receipt = fc.integer({ min: 0, max: 2800 }).map((n) => addDays('2019-01-02', n));

describe('legal clock properties', () => {
  it('due = receipt + 20 + extension + paused working days', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), (R, startOffset, length, ext) => {
        const A = addDays(R, startOffset);
        const B = addDays(A, length);
        const events = [
          ev('submit', R, 'citizen'),
          ev('confirm_receipt', R, 'clerk'),
          ev('start_consultation', A, 'handler', { party: 'other_body', with: '县档案馆' }),
          ev('end_consultation', B, 'handler', { reply: 'answered' }),
          ...(ext > 0 ? [ev('extend', B, 'reviewer', { days: ext })] : []),
        ];
        const paused = calendar.workingDaysBetween(A, B);
        const expected = calendar.addWorkingDays(R, 20 + ext + paused);
        const clock = legalClock(events, calendar, B);
        expect(clock.dueOn).toBe(expected);
        expect(clock.pauses[0]?.workingDays).toBe(paused);
        expect(legalClock(events, calendar, expected).workingDaysLeft).toBe(0);
        expect(legalClock(events, calendar, calendar.addWorkingDays(expected, 1)).workingDaysLeft).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('without pauses, working days left = period − working days since receipt', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 40 }), (R, n) => {
        const today = addDays(R, n);
        const clock = legalClock([ev('submit', R, 'citizen'), ev('confirm_receipt', R, 'clerk')], calendar, today);
        expect(clock.workingDaysLeft).toBe(20 - calendar.workingDaysBetween(R, today));
        expect(clock.dueOn).toBe(calendar.addWorkingDays(R, 20));
      }),
      { numRuns: 200 },
    );
  });
});
