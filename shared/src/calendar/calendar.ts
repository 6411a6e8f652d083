// The working-day calendar: base data (official notices, base.ts) + administrator overrides.
// Weekends are off except make-up working days; statutory holidays are off (process.md).
//
// Years: a year is "known" (confirmed) when the base covers it or an override falls in it (every
// State Council notice contains at least the New Year holiday, so entering a year's notice makes
// it known). A year outside the base still has its statutory holidays (statutory.ts), which hold by
// law; what stays unknown until the notice is entered are its make-up working days and bridged
// days. So the calendar answers, and says so: `knowsYear`, `dayInfo().yearKnown` and
// `calendarWarnings` let callers show that a date is not final instead of silently pretending.
import { baseEntries, baseYears, type CalendarEntry, type DayKind } from './base';
import { addDays, assertLegalDate, isWeekend, yearOf, type LegalDate } from './dates';
import { statutoryHolidays, unconfirmedYearNotice } from './statutory';

export type { CalendarEntry, DayKind } from './base';

/** An administrator's correction or addition (e.g. the 2027 notice). Overrides win over the base. */
export interface CalendarOverride extends CalendarEntry {
  /** Why (e.g. '国办发明电〔2026〕X号'); shown to staff, not used in computation. */
  note?: string;
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: LegalDate;
  working: boolean;
  reason: DayReason;
  name?: string;
  /**
   * Where the answer came from: the base data, an override, the statutory holidays of a year whose
   * notice is not entered, or the plain Monday–Friday rule of such a year.
   */
  source: 'base' | 'override' | 'statutory' | 'weekly';
  /** False when the year's notice is not entered: statutory holidays are skipped, make-up days are unknown. */
  yearKnown: boolean;
}

export interface YearCoverage {
  year: number;
  source: 'base' | 'overrides' | 'base+overrides';
  /** Special off days (holidays, including weekend days inside a holiday span). */
  offDays: number;
  /** Make-up working days. */
  workDays: number;
  overrides: number;
}

export interface CalendarCoverage {
  knownYears: number[];
  years: YearCoverage[];
}

export interface Calendar {
  isWorkingDay(date: LegalDate): boolean;
  dayInfo(date: LegalDate): DayInfo;
  /**
   * The n-th working day after `from` (n ≥ 1); counting starts the day after `from`
   * (条例第三十三条 "自收到申请之日起20个工作日内"). n = 0 returns `from`; n < 0 counts backwards
   * (the |n|-th working day before `from`).
   */
  addWorkingDays(from: LegalDate, n: number): LegalDate;
  /** Working days in (from, to]; negative (−working days in (to, from]) when `to` is earlier. */
  workingDaysBetween(from: LegalDate, to: LegalDate): number;
  knowsYear(year: number): boolean;
  /** Years of [from, to] with no data (answers there are Monday–Friday guesses). */
  unknownYears(from: LegalDate, to: LegalDate): number[];
  coverage(): CalendarCoverage;
  /** The effective special days (base with overrides applied), sorted by date. */
  entries(year?: number): CalendarEntry[];
}

export interface CalendarOptions {
  /** Replace the base data (tests, or a deployment that ships its own). */
  base?: ReadonlyArray<CalendarEntry>;
  baseYears?: ReadonlyArray<number>;
}

/** Guards against endless scanning in a calendar without working days. */
const MAX_SCAN_DAYS = 3660;

export function createCalendar(overrides: ReadonlyArray<CalendarOverride> = [], options: CalendarOptions = {}): Calendar {
  const base = new Map<LegalDate, CalendarEntry>();
  for (const e of options.base ?? baseEntries) base.set(e.date, e);
  const over = new Map<LegalDate, CalendarOverride>();
  for (const o of overrides) {
    assertLegalDate(o.date, 'calendar override date');
    if (o.kind !== 'off' && o.kind !== 'work') throw new TypeError(`calendar override kind must be 'off' or 'work', got ${JSON.stringify(o.kind)}`);
    over.set(o.date, o); // later entries win: an admin's last word on a day
  }
  const baseYearSet = new Set(options.baseYears ?? baseYears);
  const overrideYearSet = new Set([...over.keys()].map(yearOf));

  const knowsYear = (year: number) => baseYearSet.has(year) || overrideYearSet.has(year);

  // Outside the base years the law's own holidays apply (also under a partial override), by year.
  const statutory = new Map<number, Map<LegalDate, CalendarEntry>>();
  function statutoryEntry(date: LegalDate): CalendarEntry | undefined {
    const year = yearOf(date);
    if (baseYearSet.has(year)) return undefined;
    let days = statutory.get(year);
    if (!days) statutory.set(year, (days = new Map((statutoryHolidays(year) ?? []).map((e) => [e.date, e]))));
    return days.get(date);
  }

  function dayInfo(date: LegalDate): DayInfo {
    const o = over.get(date);
    const b = base.get(date);
    const s = o || b ? undefined : statutoryEntry(date);
    const entry = o ?? b ?? s;
    const weekend = isWeekend(date);
    const yearKnown = knowsYear(yearOf(date));
    if (!entry) {
      return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', source: yearKnown ? 'base' : 'weekly', yearKnown };
    }
    const source = o ? 'override' : b ? 'base' : 'statutory';
    const named = entry.name ? { name: entry.name } : {};
    if (entry.kind === 'off') {
      return { date, working: false, reason: weekend && !entry.name ? 'weekend' : 'holiday', ...named, source, yearKnown };
    }
    return { date, working: true, reason: weekend ? 'makeup_workday' : 'weekday', ...named, source, yearKnown };
  }

  const isWorkingDay = (date: LegalDate) => dayInfo(date).working;

  function addWorkingDays(from: LegalDate, n: number): LegalDate {
    assertLegalDate(from, 'from');
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let day = from;
    let scanned = 0;
    while (left > 0) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
      if (++scanned > MAX_SCAN_DAYS + Math.abs(n) * 7) throw new RangeError(`no working days found after ${from}: check the calendar data`);
    }
    return day;
  }

  function workingDaysBetween(from: LegalDate, to: LegalDate): number {
    assertLegalDate(from, 'from');
    assertLegalDate(to, 'to');
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
    return count;
  }

  function unknownYears(from: LegalDate, to: LegalDate): number[] {
    const out: number[] = [];
    for (let y = yearOf(from); y <= yearOf(to); y++) if (!knowsYear(y)) out.push(y);
    return out;
  }

  function entries(year?: number): CalendarEntry[] {
    const merged = new Map<LegalDate, CalendarEntry>(base);
    // A year known only through overrides also has its statutory days (an app rebuilding the
    // calendar from these entries then counts them too, see published.ts).
    for (const y of overrideYearSet) if (!baseYearSet.has(y)) for (const e of statutoryHolidays(y) ?? []) merged.set(e.date, e);
    for (const [date, o] of over) merged.set(date, { date, kind: o.kind, ...(o.name ? { name: o.name } : {}) });
    return [...merged.values()]
      .filter((e) => year === undefined || yearOf(e.date) === year)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  function coverage(): CalendarCoverage {
    const knownYears = [...new Set([...baseYearSet, ...overrideYearSet])].sort((a, b) => a - b);
    const years = knownYears.map((year): YearCoverage => {
      const list = entries(year);
      const inBase = baseYearSet.has(year);
      const overrideCount = [...over.keys()].filter((d) => yearOf(d) === year).length;
      return {
        year,
        source: inBase && overrideCount > 0 ? 'base+overrides' : inBase ? 'base' : 'overrides',
        offDays: list.filter((e) => e.kind === 'off').length,
        workDays: list.filter((e) => e.kind === 'work').length,
        overrides: overrideCount,
      };
    });
    return { knownYears, years };
  }

  return { isWorkingDay, dayInfo, addWorkingDays, workingDaysBetween, knowsYear, unknownYears, coverage, entries };
}

/** The calendar with the base data only. */
export const defaultCalendar: Calendar = createCalendar();

/** Sentences for staff when the calendar lacks the current or (from November) the next year. */
export function calendarWarnings(calendar: Calendar, today: LegalDate): string[] {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  if (!calendar.knowsYear(year)) {
    out.push(`尚未录入${year}年的放假调休安排，${year}年的期限按法定节假日计算，调休上班日未计入，请管理员按国务院办公厅通知录入。`);
  }
  if (month >= 11 && !calendar.knowsYear(year + 1)) {
    out.push(`尚未录入${year + 1}年的放假调休安排（国务院办公厅通知一般在11月前后发布），跨年的期限按法定节假日计算，公布后可能调整。`);
  }
  return out;
}

/** The line to show beside a date counted from `from` to `to` while one of its years is unconfirmed. */
export function provisionalNote(calendar: Calendar, from: LegalDate, to: LegalDate): string | null {
  const [first] = calendar.unknownYears(from, to);
  return first === undefined ? null : unconfirmedYearNotice(first);
}
