// The process time zone must not matter: chinese-days' own functions shift dates by a day on a
// server west of UTC (platform/cards-and-calendar.md). Two checks: (1) the calendar and the
// clock never call a local-time Date method; (2) the same computations in child processes with
// TZ=America/Los_Angeles (UTC−8/−7) and TZ=Pacific/Kiritimati (UTC+14) give identical results.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createCalendar } from '../calendar/calendar';
import { ev } from '../lifecycle/fixtures';
import { legalClock } from './legal-clock';

const root = path.resolve(__dirname, '../../..');

// The probe, evaluated both here and in the child processes.
const probe = `
const { legalClock } = require('./shared/src/clock/legal-clock');
const { createCalendar } = require('./shared/src/calendar/calendar');
const { legalDateOf } = require('./shared/src/calendar/dates');
const { ev } = require('./shared/src/lifecycle/fixtures');
const cal = createCalendar([{ date: '2027-02-08', kind: 'off', name: '春节' }]);
const r = (on) => [ev('submit', on, 'citizen'), ev('confirm_receipt', on, 'clerk')];
const out = {
  add: ['2024-02-01', '2025-09-26', '2024-02-09', '2026-12-30'].map((d) => cal.addWorkingDays(d, 20)),
  between: cal.workingDaysBetween('2024-02-01', '2024-03-05'),
  days: ['2024-02-04', '2024-02-05', '2024-02-10', '2024-02-18', '2025-10-11', '2027-02-08'].map((d) => cal.isWorkingDay(d)),
  instant: [legalDateOf('2024-01-31T16:30:00Z'), legalDateOf('2024-02-01T15:59:00Z')],
  clocks: [
    legalClock(r('2024-02-01'), cal, '2024-02-20'),
    legalClock([...r('2025-09-01'), ev('start_consultation', '2025-09-05', 'handler'), ev('end_consultation', '2025-09-19', 'handler')], cal, '2025-09-22'),
    legalClock([...r('2024-09-02'), ev('issue_fee_notice', '2024-09-06', 'clerk'), ev('fee_paid', '2024-09-20', 'system')], cal, '2024-09-23'),
  ],
};
`;

function runIn(tz: string): unknown {
  const res = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', `${probe}\nprocess.stdout.write(JSON.stringify(out));`], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 30000,
  });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout);
}

describe('time-zone independence', () => {
  it('never calls local-time Date methods', () => {
    const local = [
      'getDate', 'getDay', 'getMonth', 'getFullYear', 'getHours', 'getMinutes', 'getTimezoneOffset',
      'setDate', 'setMonth', 'setFullYear', 'setHours', 'toDateString', 'toLocaleDateString', 'toLocaleString', 'toString',
    ] as const;
    const spies = local.map((m) =>
      jest.spyOn(Date.prototype, m).mockImplementation(() => {
        throw new Error(`local-time Date method ${m} called`);
      }),
    );
    try {
      const cal = createCalendar();
      expect(cal.addWorkingDays('2024-02-01', 20)).toBe('2024-03-05');
      const events = [ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk'), ev('extend', '2024-03-01', 'reviewer')];
      expect(legalClock(events, cal, '2024-03-01').dueOn).toBe('2024-04-02');
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });

  it('gives the same answers under TZ=America/Los_Angeles and TZ=Pacific/Kiritimati as here', () => {
    // eslint-disable-next-line no-new-func
    const here = new Function('require', `${probe}\nreturn out;`)((p: string) => require(path.join(root, p))) as { add: string[]; days: boolean[] };
    // 2024-02-09 + 20: 2-18 = 1, 2-19..2-23 = 6, 2-26..3-1 = 11, 3-4..3-8 = 16, 3-11..3-14 = 20.
    // 2026-12-30 + 20 (2027 outside the base: its statutory 元旦 is off): 12-31 = 1, 1-4..1-8 = 6, … 1-25..1-28 = 20.
    expect(here.add).toEqual(['2024-03-05', '2025-10-30', '2024-03-14', '2027-01-28']);
    expect(here.days).toEqual([true, true, false, true, true, false]);
    const normalised = JSON.parse(JSON.stringify(here));
    expect(runIn('America/Los_Angeles')).toEqual(normalised);
    expect(runIn('Pacific/Kiritimati')).toEqual(normalised);
  }, 60000);
});
