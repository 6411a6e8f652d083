// The statutory days off of 全国年节及纪念日放假办法 (Art. 2, as amended in 2024, in force since
// 2025-01-01): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明节 (the 清明 term), 劳动节 1–2 May,
// 端午节, 中秋节, 国庆节 1–3 October — 13 days. They hold in every year by law, so a deadline that
// runs into a year whose State Council notice (国务院办公厅关于部分节假日安排的通知, out around
// November) is not entered yet still skips them. Only that notice fixes bridged days off and make-up
// working days (调休上班): until it is entered those stay unknown and the year stays "unconfirmed".
import type { CalendarEntry } from './base';
import { addDays, type LegalDate } from './dates';
import { lunarDates } from './lunar-dates';

/** The first year of the amended rules (春节 from 除夕, 劳动节 two days). */
export const STATUTORY_RULES_FROM = 2025;

function day(date: LegalDate, name: string): CalendarEntry {
  return { date, kind: 'off', name };
}

/**
 * The statutory days off of `year` (sorted), or null for a year the rules or the lunar table do not
 * cover (before 2025, after the table's last year): such a year has nothing but weekends.
 */
export function statutoryHolidays(year: number): CalendarEntry[] | null {
  const lunar = lunarDates[year];
  if (year < STATUTORY_RULES_FROM || !lunar) return null;
  const [springFestival, qingming, duanwu, midAutumn] = lunar.map((md) => `${year}-${md}`) as [LegalDate, LegalDate, LegalDate, LegalDate];
  const entries = [
    day(`${year}-01-01`, '元旦'),
    ...[-1, 0, 1, 2].map((offset) => day(addDays(springFestival, offset), '春节')),
    day(qingming, '清明节'),
    day(`${year}-05-01`, '劳动节'),
    day(`${year}-05-02`, '劳动节'),
    day(duanwu, '端午节'),
    ...[1, 2, 3].map((d) => day(`${year}-10-0${d}`, '国庆节')),
    day(midAutumn, '中秋节'),
  ];
  // 中秋 can fall on 1–3 October (2020, 2028, 2031): one day off with both names ('国庆节、中秋节').
  const byDate = new Map<LegalDate, CalendarEntry>();
  for (const e of entries) {
    const seen = byDate.get(e.date);
    byDate.set(e.date, seen ? { ...seen, name: `${seen.name}、${e.name}` } : e);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The one line shown beside a date that depends on `year` while its notice is not entered. */
export function unconfirmedYearNotice(year: number): string {
  return `${year}年调休安排未公布，期限按法定节假日计算`;
}
