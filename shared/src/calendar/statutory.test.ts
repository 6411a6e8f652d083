import { computeLunarDates, renderLunarDates } from '../../scripts/lunar-dates';
import { baseEntries, baseYears } from './base';
import { createCalendar } from './calendar';
import { LUNAR_DATES_FROM, LUNAR_DATES_TO, lunarDates } from './lunar-dates';
import { statutoryHolidays } from './statutory';

const offDays = (year: number) => (statutoryHolidays(year) ?? []).map((e) => `${e.date.slice(5)} ${e.name}`);

describe('statutory holidays (全国年节及纪念日放假办法, as amended in 2024)', () => {
  it('the lunar table is what lunar-javascript computes (regenerate with shared/scripts/lunar-dates.ts)', () => {
    const fresh = renderLunarDates(LUNAR_DATES_FROM, LUNAR_DATES_TO);
    expect(Object.keys(lunarDates).map(Number)).toEqual(Object.keys(computeLunarDates(LUNAR_DATES_FROM, LUNAR_DATES_TO)).map(Number));
    expect(lunarDates).toEqual(computeLunarDates(LUNAR_DATES_FROM, LUNAR_DATES_TO));
    expect(fresh).toContain("2027: ['02-06', '04-05', '06-09', '09-15'],");
  });

  it('gives the 13 days of 2027: 春节 from 除夕 5 February, 中秋 15 September', () => {
    expect(offDays(2027)).toEqual([
      '01-01 元旦',
      '02-05 春节', '02-06 春节', '02-07 春节', '02-08 春节',
      '04-05 清明节',
      '05-01 劳动节', '05-02 劳动节',
      '06-09 端午节',
      '09-15 中秋节',
      '10-01 国庆节', '10-02 国庆节', '10-03 国庆节',
    ]);
  });

  it('gives 2028–2030 from the lunar calendar', () => {
    // Checked against published lunar tables: 春节 2028-01-26, 2029-02-13, 2030-02-03; 端午 2028-05-28,
    // 2029-06-16, 2030-06-05; 中秋 2028-10-03, 2029-09-22, 2030-09-12; 清明 2028-04-04, 2029-04-04, 2030-04-05.
    for (const [year, spring, qingming, duanwu, midAutumn] of [
      [2028, '01-26', '04-04', '05-28', '10-03'],
      [2029, '02-13', '04-04', '06-16', '09-22'],
      [2030, '02-03', '04-05', '06-05', '09-12'],
    ] as const) {
      const days = offDays(year);
      expect(days).toContain(`${spring} 春节`);
      expect(days).toContain(`${qingming} 清明节`);
      expect(days).toContain(`${duanwu} 端午节`);
      expect(days.some((d) => d.startsWith(midAutumn) && d.includes('中秋节'))).toBe(true);
    }
    // 2028: 中秋 is 3 October, inside 国庆: one day, both names, 12 distinct days.
    expect(offDays(2028)).toContain('10-03 国庆节、中秋节');
    expect(offDays(2028)).toHaveLength(12);
  });

  it('agrees with every State Council notice in the base data on the days the law fixes', () => {
    // An independent check of the lunar table: in each year of the official data, 正月初一 to 初三,
    // 清明, 端午, 中秋, 元旦, 1 May and 1–3 October are days off (rules before 2025 lacked 除夕 and 2 May).
    const off = new Set(baseEntries.filter((e) => e.kind === 'off').map((e) => e.date));
    for (const year of baseYears) {
      const [spring, qingming, duanwu, midAutumn] = lunarDates[year]!;
      const springDay = Date.UTC(year, Number(spring.slice(0, 2)) - 1, Number(spring.slice(3)));
      const springDays = [0, 1, 2].map((n) => new Date(springDay + n * 86_400_000).toISOString().slice(0, 10));
      const fixed = [`${year}-01-01`, ...springDays, `${year}-${qingming}`, `${year}-05-01`, `${year}-${duanwu}`, `${year}-${midAutumn}`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`];
      expect(fixed.filter((d) => !off.has(d))).toEqual([]);
    }
  });

  it('applies only where no notice is in the base, and not before the amended rules', () => {
    expect(statutoryHolidays(2024)).toBeNull();
    expect(statutoryHolidays(LUNAR_DATES_TO + 1)).toBeNull();
    const cal = createCalendar();
    // 2026 comes from its notice (2026-02-15 除夕 off, a Sunday); 2027's 除夕 (a Friday) by law.
    expect(cal.dayInfo('2027-02-05')).toMatchObject({ working: false, reason: 'holiday', name: '春节', source: 'statutory' });
    expect(cal.dayInfo('2026-02-15')).toMatchObject({ source: 'base' });
    // An override still wins over the law's day (an administrator's correction).
    expect(createCalendar([{ date: '2027-10-01', kind: 'work', note: '测试' }]).isWorkingDay('2027-10-01')).toBe(true);
  });
});
