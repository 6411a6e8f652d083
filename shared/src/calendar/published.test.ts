import { createCalendar, defaultCalendar } from './calendar';
import { addDays } from './dates';
import { calendarFromPublished, publishCalendar } from './published';

function sameDays(a: ReturnType<typeof createCalendar>, b: ReturnType<typeof createCalendar>, from: string, to: string): string[] {
  const differ: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (a.isWorkingDay(d) !== b.isWorkingDay(d)) differ.push(d);
  return differ;
}

describe('published calendar', () => {
  const overrides = [
    { date: '2026-12-01', kind: 'off' as const, name: '县庆', note: '县政府通知' },
    { date: '2026-12-05', kind: 'work' as const, name: '县庆调休' },
    { date: '2026-10-05', kind: 'work' as const }, // a base holiday turned back into a working day
    { date: '2027-01-01', kind: 'off' as const, name: '元旦' }, // makes 2027 known
  ];
  const server = createCalendar(overrides);
  const published = publishCalendar(server, overrides, 'stamp-1');

  it('rebuilds a calendar that counts every day of every year exactly like the server', () => {
    const app = calendarFromPublished(JSON.parse(JSON.stringify(published)));
    expect(sameDays(server, app, '2019-01-01', '2028-12-31')).toEqual([]);
    for (const y of [2018, 2019, 2026, 2027, 2028]) expect(app.knowsYear(y)).toBe(server.knowsYear(y));
    expect(app.addWorkingDays('2026-11-27', 5)).toBe(server.addWorkingDays('2026-11-27', 5));
  });

  it('differs from the base-only calendar exactly on the overridden days', () => {
    const app = calendarFromPublished(published);
    // 2027-01-01 is off in both: by override here, by law (statutory.ts) in the base-only calendar.
    expect(sameDays(defaultCalendar, app, '2019-01-01', '2028-12-31')).toEqual(['2026-10-05', '2026-12-01', '2026-12-05']);
    expect(defaultCalendar.knowsYear(2027)).toBe(false);
    expect(app.knowsYear(2027)).toBe(true);
  });

  it('does not depend on the base data the app was built with', () => {
    // An app with no base data at all still computes the server's days from what it received.
    const app = createCalendar([], { base: published.entries, baseYears: published.knownYears });
    expect(sameDays(server, app, '2024-01-01', '2027-12-31')).toEqual([]);
    expect(published.overrides).toEqual(overrides);
  });
});
