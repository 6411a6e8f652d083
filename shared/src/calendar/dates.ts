// Legal dates are calendar days in Asia/Shanghai written 'YYYY-MM-DD' (see process.md).
// Everything here is plain UTC arithmetic on day numbers, so the server's time zone never
// matters: no `new Date('YYYY-MM-DD')`, no getDate()/getDay()/setDate() (local-time methods).

/** A calendar day 'YYYY-MM-DD' (Asia/Shanghai). */
export type LegalDate = string;

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

function parts(value: string): [number, number, number] | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isLegalDate(value: unknown): value is LegalDate {
  if (typeof value !== 'string') return false;
  const p = parts(value);
  if (!p) return false;
  const [y, m, d] = p;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  return fromDayNumber(Date.UTC(y, m - 1, d) / MS_PER_DAY) === value;
}

export function assertLegalDate(value: unknown, what = 'date'): asserts value is LegalDate {
  if (!isLegalDate(value)) throw new TypeError(`${what} must be a valid 'YYYY-MM-DD' date, got ${JSON.stringify(value)}`);
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(date: LegalDate): number {
  const p = parts(date);
  if (!p) throw new TypeError(`not a 'YYYY-MM-DD' date: ${JSON.stringify(date)}`);
  return Date.UTC(p[0], p[1] - 1, p[2]) / MS_PER_DAY;
}

export function fromDayNumber(day: number): LegalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LegalDate, n: number): LegalDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LegalDate, to: LegalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(date: LegalDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function weekdayName(date: LegalDate): string {
  return weekdayNames[weekdayOf(date)]!;
}

export function isWeekend(date: LegalDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function yearOf(date: LegalDate): number {
  return Number(date.slice(0, 4));
}

export function compareLegalDates(a: LegalDate, b: LegalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxLegalDate(a: LegalDate, b: LegalDate): LegalDate {
  return a >= b ? a : b;
}

export function minLegalDate(a: LegalDate, b: LegalDate): LegalDate {
  return a <= b ? a : b;
}

/** The Asia/Shanghai calendar day of an instant (Date, ISO string or epoch ms). */
export function legalDateOf(instant: Date | string | number): LegalDate {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new TypeError(`not an instant: ${JSON.stringify(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** '2024年2月1日' — for sentences a person reads. */
export function formatChineseDate(date: LegalDate): string {
  const p = parts(date);
  if (!p) return date;
  return `${p[0]}年${p[1]}月${p[2]}日`;
}
