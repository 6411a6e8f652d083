import { baseEntries } from './base';
import { createCalendar } from './calendar';
import { parseHolidayNotice } from './notice';

// The arrangement lines of 国办发明电〔2025〕7号 (2026) and 〔2024〕12号 (2025), as published; both
// years are in the base data (checked there against the notices), so a parse can be compared day by day.
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

const NOTICE_2025 = `一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

const official = (year: number) =>
  baseEntries
    .filter((e) => e.date.startsWith(`${year}-`))
    .map((e) => `${e.date} ${e.kind}`)
    .sort();

describe('a State Council holiday notice, pasted', () => {
  it.each([
    [2026, NOTICE_2026],
    [2025, NOTICE_2025],
  ])('gives exactly the official days of %i', (year, text) => {
    const parsed = parseHolidayNotice(text, year);
    expect(parsed.problems).toEqual([]);
    expect(parsed.days.map((d) => `${d.date} ${d.kind}`)).toEqual(official(year));
  });

  it('names each day after its holiday and notes where it came from', () => {
    const { days } = parseHolidayNotice(NOTICE_2026, 2026);
    expect(days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'work', name: '春节', note: '国务院办公厅2026年节假日安排' });
    expect(days.find((d) => d.date === '2026-10-07')).toMatchObject({ kind: 'off', name: '国庆节' });
    expect(parseHolidayNotice(NOTICE_2025, 2025).days.find((d) => d.date === '2025-10-06')).toMatchObject({ name: '国庆节、中秋节' });
  });

  it('entered as overrides, a 2027-style notice confirms the year and its make-up day counts', () => {
    const text = '一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月5日（除夕）至12日放假调休，共8天。2月20日（周六）上班。';
    const { days, problems } = parseHolidayNotice(text, 2027);
    expect(problems).toEqual([]);
    const cal = createCalendar(days);
    expect(cal.knowsYear(2027)).toBe(true);
    expect(cal.dayInfo('2027-02-20')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(cal.isWorkingDay('2027-02-10')).toBe(false);
  });

  it('refuses a line that contradicts itself, a make-up day on a weekday, and text without arrangements, with line numbers', () => {
    const bad = '通知如下：\n一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。\n二、春节：2月15日至23日放假调休，共9天。2月16日（周一）上班。\n三、清明节：清明当天放假。';
    expect(parseHolidayNotice(bad, 2026)).toEqual({
      days: [],
      problems: [
        { line: 2, message: '第2行（元旦）：1月1日至1月3日是3天，与“共4天”不符' },
        { line: 3, message: '第3行（春节）：2月16日是星期一，调休上班日应为周六或周日' },
        { line: 4, message: '第4行（清明节）：放假日期无法识别，应写作“2月15日至23日放假”或“1月1日放假”' },
      ],
    });
    expect(parseHolidayNotice('节假日期间要做好值班工作。', 2026).problems).toEqual([
      { line: 0, message: '没有找到节假日安排。请粘贴通知中“一、元旦：1月1日……”这样的各条安排，每条一行。' },
    ]);
  });
});
