import { addDays, daysBetween, formatChineseDate, isLegalDate, legalDateOf, toDayNumber, fromDayNumber, weekdayName, weekdayOf } from './dates';

describe('legal dates', () => {
  it('accepts real calendar days only', () => {
    expect(isLegalDate('2024-02-29')).toBe(true);
    expect(isLegalDate('2023-02-29')).toBe(false);
    expect(isLegalDate('2024-13-01')).toBe(false);
    expect(isLegalDate('2024-2-1')).toBe(false);
    expect(isLegalDate('2024-02-01T00:00:00Z')).toBe(false);
    expect(isLegalDate(20240201)).toBe(false);
  });

  it('does day arithmetic across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-02-01', '2024-03-05')).toBe(33);
    expect(fromDayNumber(toDayNumber('1999-12-31'))).toBe('1999-12-31');
  });

  it('knows weekdays (2024-02-04 and 2024-02-18 were Sundays, 2025-10-11 a Saturday)', () => {
    expect(weekdayOf('2024-02-04')).toBe(0);
    expect(weekdayOf('2024-02-18')).toBe(0);
    expect(weekdayOf('2025-10-11')).toBe(6);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-31')).toBe(3);
    expect(weekdayName('2025-09-28')).toBe('星期日');
  });

  it('takes the Asia/Shanghai day of an instant, whatever the process time zone', () => {
    expect(legalDateOf('2024-01-31T16:00:00Z')).toBe('2024-02-01'); // 00:00 in Beijing
    expect(legalDateOf('2024-01-31T15:59:59Z')).toBe('2024-01-31');
    expect(legalDateOf(new Date(Date.UTC(2024, 1, 1, 3)))).toBe('2024-02-01');
    expect(legalDateOf(Date.UTC(2024, 11, 31, 16))).toBe('2025-01-01');
    expect(() => legalDateOf('not a date')).toThrow(TypeError);
  });

  it('formats dates for people', () => {
    expect(formatChineseDate('2024-02-01')).toBe('2024年2月1日');
  });
});
