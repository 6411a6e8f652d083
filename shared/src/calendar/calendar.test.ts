import { calendarWarnings, createCalendar, defaultCalendar } from './calendar';
import { addDays, isWeekend } from './dates';

const cal = defaultCalendar;

describe('working days (base data)', () => {
  it('Spring Festival 2024: off 2-10..2-17; 2-4 (Sun) and 2-18 (Sun) are make-up working days; 2-9 works', () => {
    for (let d = '2024-02-10'; d <= '2024-02-17'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.dayInfo('2024-02-12')).toMatchObject({ working: false, reason: 'holiday', name: '春节', source: 'base', yearKnown: true });
    expect(cal.dayInfo('2024-02-04')).toMatchObject({ working: true, reason: 'makeup_workday', name: '春节' });
    expect(cal.dayInfo('2024-02-18')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(cal.isWorkingDay('2024-02-09')).toBe(true);
    expect(cal.dayInfo('2024-02-24')).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('National Day 2025: off 10-1..10-8; 9-28 (Sun) and 10-11 (Sat) work', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.dayInfo('2025-10-06').name).toBe('中秋节');
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.isWorkingDay('2025-10-12')).toBe(false);
  });

  it('Labour Day 2025: off 5-1..5-5; 4-27 (Sun) works; 5-10 (Sat) stays a weekend', () => {
    for (let d = '2025-05-01'; d <= '2025-05-05'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay('2025-04-27')).toBe(true);
    expect(cal.isWorkingDay('2025-05-06')).toBe(true);
    expect(cal.isWorkingDay('2025-05-10')).toBe(false);
  });

  it('addWorkingDays counts from the day after (Art. 33): 20 working days after 2024-02-01 is 2024-03-05', () => {
    // Hand count: 2-2, 2-4(日), 2-5..2-9 = 7; 2-18(日), 2-19..2-23 = 13; 2-26..3-1 = 18; 3-4, 3-5 = 20.
    expect(cal.addWorkingDays('2024-02-01', 20)).toBe('2024-03-05');
    expect(cal.addWorkingDays('2024-02-01', 7)).toBe('2024-02-09');
    expect(cal.addWorkingDays('2024-02-09', 1)).toBe('2024-02-18');
    expect(cal.addWorkingDays('2024-02-01', 0)).toBe('2024-02-01');
  });

  it('addWorkingDays across National Day 2025: 20 working days after 2025-09-26 is 2025-10-30', () => {
    // 9-28(日), 9-29, 9-30 = 3; 10-9, 10-10, 10-11(六) = 6; 10-13..10-17 = 11; 10-20..10-24 = 16; 10-27..10-30 = 20.
    expect(cal.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
    expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
  });

  it('starting on a holiday or weekend still counts from the next day', () => {
    expect(cal.addWorkingDays('2024-02-10', 1)).toBe('2024-02-18');
    expect(cal.addWorkingDays('2024-02-17', 1)).toBe('2024-02-18');
  });

  it('counts backwards with negative n', () => {
    expect(cal.addWorkingDays('2024-02-18', -1)).toBe('2024-02-09');
    expect(cal.addWorkingDays('2024-03-05', -20)).toBe('2024-02-01');
  });

  it('rejects fractional counts and bad dates', () => {
    expect(() => cal.addWorkingDays('2024-02-01', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2024/02/01', 1)).toThrow(TypeError);
  });

  it('workingDaysBetween counts (from, to] and is the inverse of addWorkingDays', () => {
    expect(cal.workingDaysBetween('2024-02-01', '2024-03-05')).toBe(20);
    expect(cal.workingDaysBetween('2024-03-05', '2024-02-01')).toBe(-20);
    expect(cal.workingDaysBetween('2024-02-09', '2024-02-17')).toBe(0);
    expect(cal.workingDaysBetween('2024-02-01', '2024-02-01')).toBe(0);
    for (const from of ['2019-09-27', '2020-01-20', '2023-09-28', '2024-12-30', '2026-02-13']) {
      for (const n of [1, 5, 7, 15, 20, 40]) {
        const to = cal.addWorkingDays(from, n);
        expect(cal.workingDaysBetween(from, to)).toBe(n);
        expect(cal.isWorkingDay(to)).toBe(true);
      }
    }
  });
});

describe('overrides (administrator data)', () => {
  it('adding the 2027 notice makes 2027 known and changes answers, without code', () => {
    expect(cal.knowsYear(2027)).toBe(false);
    const c = createCalendar([
      { date: '2027-01-01', kind: 'off', name: '元旦' },
      { date: '2027-02-06', kind: 'off', name: '春节' },
      { date: '2027-02-08', kind: 'off', name: '春节' },
      { date: '2027-02-20', kind: 'work', name: '春节' },
    ]);
    expect(c.knowsYear(2027)).toBe(true);
    expect(c.isWorkingDay('2027-02-08')).toBe(false); // a Monday, off by override
    expect(c.dayInfo('2027-02-20')).toMatchObject({ working: true, reason: 'makeup_workday', source: 'override' });
    // Off: the 13 statutory days of 2027 (the overrides' off days are among them); one make-up day.
    expect(c.coverage().years.find((y) => y.year === 2027)).toEqual({ year: 2027, source: 'overrides', offDays: 13, workDays: 1, overrides: 4 });
  });

  it('an override corrects a base day; the last override for a date wins', () => {
    const c = createCalendar([
      { date: '2024-02-09', kind: 'off', name: '春节' },
      { date: '2024-02-18', kind: 'off' },
      { date: '2024-02-18', kind: 'work', note: '更正' },
    ]);
    expect(c.isWorkingDay('2024-02-09')).toBe(false);
    expect(c.isWorkingDay('2024-02-18')).toBe(true);
    expect(c.addWorkingDays('2024-02-01', 20)).toBe('2024-03-06');
    expect(c.coverage().years.find((y) => y.year === 2024)?.source).toBe('base+overrides');
  });

  it('refuses malformed overrides instead of ignoring them', () => {
    expect(() => createCalendar([{ date: '2027-2-6', kind: 'off' }])).toThrow(TypeError);
    expect(() => createCalendar([{ date: '2027-02-06', kind: 'holiday' as never }])).toThrow(TypeError);
  });

  it('lists effective special days of a year', () => {
    const c = createCalendar([{ date: '2024-02-09', kind: 'off', name: '春节' }]);
    const feb = c.entries(2024).filter((e) => e.date.startsWith('2024-02'));
    expect(feb.map((e) => `${e.date}:${e.kind}`)).toEqual([
      '2024-02-04:work', '2024-02-09:off', '2024-02-10:off', '2024-02-11:off', '2024-02-12:off', '2024-02-13:off',
      '2024-02-14:off', '2024-02-15:off', '2024-02-16:off', '2024-02-17:off', '2024-02-18:work',
    ]);
  });
});

describe('unknown years are not silently Monday–Friday', () => {
  it('says which years it does not know', () => {
    expect(cal.coverage().knownYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cal.knowsYear(2026)).toBe(true);
    expect(cal.knowsYear(2027)).toBe(false);
    expect(cal.knowsYear(2018)).toBe(false);
    expect(cal.unknownYears('2026-12-01', '2028-01-10')).toEqual([2027, 2028]);
  });

  it('marks each answer in an unknown year as unconfirmed: statutory holidays off, other weekdays working', () => {
    expect(cal.dayInfo('2027-01-01')).toMatchObject({ working: false, reason: 'holiday', name: '元旦', source: 'statutory', yearKnown: false });
    expect(cal.dayInfo('2027-01-04')).toMatchObject({ working: true, source: 'weekly', yearKnown: false });
    expect(cal.dayInfo('2027-01-02')).toMatchObject({ working: false, reason: 'weekend', yearKnown: false });
  });

  it('warns staff about the current year, and from November about the next one', () => {
    expect(calendarWarnings(cal, '2026-06-01')).toEqual([]);
    expect(calendarWarnings(cal, '2026-11-02')).toHaveLength(1);
    expect(calendarWarnings(cal, '2026-11-02')[0]).toContain('2027年');
    expect(calendarWarnings(cal, '2027-03-01')[0]).toContain('尚未录入2027年');
    const with2027 = createCalendar([{ date: '2027-01-01', kind: 'off', name: '元旦' }]);
    expect(calendarWarnings(with2027, '2026-11-02')).toEqual([]);
  });

  it('no weekday ever counts as off in 2019–2026 unless a notice says so', () => {
    const official = new Set(cal.entries().map((e) => e.date));
    for (let d = '2019-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (official.has(d)) continue;
      expect(cal.isWorkingDay(d)).toBe(!isWeekend(d));
    }
  });
});
