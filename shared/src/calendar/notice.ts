// Reads the arrangement lines of a State Council General Office holiday notice (国务院办公厅关于
// 部分节假日安排的通知) as an administrator pastes them, e.g.
//   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
// into the days off and make-up working days it fixes. Other lines (the preamble, the closing
// paragraph) are skipped. Every line is checked against itself ("共9天" must match the range) and
// make-up days must fall on a weekend, so a typo is refused with its line number, not entered.
import type { CalendarOverride } from './calendar';
import { addDays, isLegalDate, isWeekend, weekdayName, type LegalDate } from './dates';

export interface NoticeProblem {
  /** 1-based line of the pasted text; 0 for a problem of the whole text. */
  line: number;
  message: string;
}

export interface ParsedNotice {
  days: CalendarOverride[];
  problems: NoticeProblem[];
}

const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
/** '二、春节：' or '六、国庆节、中秋节：' (the numeral is optional). */
const HEADING = new RegExp(`^\\s*(?:[一二三四五六七八九十]+[、.．]\\s*)?((?:${HOLIDAYS.join('|')})(?:、(?:${HOLIDAYS.join('|')}))*)\\s*[：:]`);
/** A date as the notices write it: '2026年1月1日', '2月15日' or, after 至, '23日'. */
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
const MAX_SPAN_DAYS = 15;

const pad = (n: number) => String(n).padStart(2, '0');
const label = (d: LegalDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

/** The dates of `text` in order, each completed with the year and month of the one before it. */
function datesIn(text: string, year: number): Array<LegalDate | null> {
  let y = year;
  let m: number | null = null;
  const out: Array<LegalDate | null> = [];
  for (const match of text.matchAll(DATE)) {
    if (match[1]) y = Number(match[1]);
    if (match[2]) {
      const month = Number(match[2]);
      // '12月31日至1月2日' without years: the range runs into the next year.
      if (!match[1] && m !== null && month < m) y += 1;
      m = month;
    }
    const date = m === null ? '' : `${y}-${pad(m)}-${pad(Number(match[3]))}`;
    out.push(isLegalDate(date) ? date : null);
  }
  return out;
}

function parseLine(text: string, line: number, year: number, name: string, days: CalendarOverride[], problems: NoticeProblem[]): void {
  const note = `国务院办公厅${year}年节假日安排`;
  const problem = (message: string) => problems.push({ line, message: `第${line}行（${name}）：${message}` });
  // Asides in parentheses (weekdays, lunar dates) say nothing the dates do not.
  const plain = text.replace(/（[^）]*）|\([^)]*\)/g, '');
  let offFound = false;
  for (const sentence of plain.split(/[。；;]/)) {
    if (sentence.includes('上班')) {
      for (const date of datesIn(sentence.slice(0, sentence.indexOf('上班')), year)) {
        if (!date) problem('上班日期无法识别');
        else if (!isWeekend(date)) problem(`${label(date)}是${weekdayName(date)}，调休上班日应为周六或周日`);
        else days.push({ date, kind: 'work', name, note });
      }
    } else if (sentence.includes('放假')) {
      const head = sentence.slice(0, sentence.indexOf('放假'));
      const dates = datesIn(head, year);
      if (dates.length === 0 || dates.some((d) => d === null) || dates.length > 2) {
        problem('放假日期无法识别，应写作“2月15日至23日放假”或“1月1日放假”');
        continue;
      }
      const from = dates[0]!;
      const to = dates[1] ?? from;
      const span: LegalDate[] = [];
      for (let d = from; d <= to && span.length <= MAX_SPAN_DAYS; d = addDays(d, 1)) span.push(d);
      if (to < from || span.length > MAX_SPAN_DAYS) {
        problem(`放假日期${label(from)}至${label(to)}不成立`);
        continue;
      }
      const total = /共(\d+)天/.exec(sentence) ?? /放假(\d+)天/.exec(sentence);
      if (total && Number(total[1]) !== span.length) {
        problem(`${label(from)}至${label(to)}是${span.length}天，与“共${total[1]}天”不符`);
        continue;
      }
      offFound = true;
      for (const date of span) days.push({ date, kind: 'off', name, note });
    }
  }
  if (!offFound && !problems.some((p) => p.line === line)) problem('没有找到放假日期');
}

/** The days a notice's arrangement lines fix for `year`, or the problems that stop them. */
export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  const days: CalendarOverride[] = [];
  const problems: NoticeProblem[] = [];
  let lines = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const heading = HEADING.exec(raw);
    if (!heading) return;
    lines += 1;
    parseLine(raw.slice(heading[0].length), i + 1, year, heading[1]!, days, problems);
  });
  if (lines === 0) problems.push({ line: 0, message: '没有找到节假日安排。请粘贴通知中“一、元旦：1月1日……”这样的各条安排，每条一行。' });
  const seen = new Map<LegalDate, CalendarOverride>();
  for (const day of days) {
    const before = seen.get(day.date);
    if (before && before.kind !== day.kind) problems.push({ line: 0, message: `${label(day.date)}在通知中既放假又上班，请核对` });
    seen.set(day.date, day);
  }
  return problems.length ? { days: [], problems } : { days: [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), problems };
}
