import { calendarFromPublished, createCalendar, publishCalendar, type CalendarOverride } from '@zwgk/shared';
import { runLabel, specialRuns } from './days';

const published = (overrides: CalendarOverride[]) => publishCalendar(createCalendar(overrides), overrides, 'test');
const runsOf = (overrides: CalendarOverride[], year: number) => {
  const p = published(overrides);
  return specialRuns(calendarFromPublished(p), p, year).map((r) => `${r.name} ${runLabel(r)} ${r.source}${r.entered.length ? ` entered:${r.entered.length}` : ''}`);
};

it("lists a notice year's runs as the notice's", () => {
  const runs = runsOf([], 2026);
  expect(runs[0]).toBe('元旦 1月1日至1月3日 放假3天 notice');
  expect(runs).toContain('元旦 1月4日（星期日） 上班 notice');
  expect(runs).toContain('春节 2月15日至2月23日 放假9天 notice');
});

it("lists an unconfirmed year's statutory days, and the county's own entries with what it may take back", () => {
  expect(runsOf([], 2027)).toEqual([
    '元旦 1月1日（星期五） 放假1天 statutory',
    '春节 2月5日至2月8日 放假4天 statutory',
    '清明节 4月5日（星期一） 放假1天 statutory',
    '劳动节 5月1日至5月2日 放假2天 statutory',
    '端午节 6月9日（星期三） 放假1天 statutory',
    '中秋节 9月15日（星期三） 放假1天 statutory',
    '国庆节 10月1日至10月3日 放假3天 statutory',
  ]);
  const entered = runsOf([{ date: '2027-02-09', kind: 'off', name: '春节' }, { date: '2027-02-20', kind: 'work', name: '春节' }], 2027);
  expect(entered.slice(1, 3)).toEqual(['春节 2月5日至2月9日 放假5天 county entered:1', '春节 2月20日（星期六） 上班 county entered:1']);
  expect(entered[3]).toBe('清明节 4月5日（星期一） 放假1天 statutory');
});
