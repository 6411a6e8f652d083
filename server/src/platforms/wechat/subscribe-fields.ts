// Making values fit the keyword rules of subscribe messages
// (subscribeMessage.send, "订阅消息参数值内容限制说明"); a value that breaks
// them is refused with 47003 and the citizen hears nothing. A keyword's type
// is its name without the number: thing2 → thing.
//   thing ≤ 20 characters · phrase ≤ 5 Chinese characters · number ≤ 32 digits
//   letter ≤ 32 letters · symbol ≤ 5 symbols · character_string ≤ 32 of
//   digits/letters/symbols · name ≤ 10 Chinese characters (or 20 letters) ·
//   phone_number ≤ 17 digits/symbols · car_number ≤ 8 · amount: currency
//   symbol + ≤ 10 digits · date: 年月日 (optionally + time) · time: 24-hour time
//   (optionally after a date).
// Lengths count characters (code points).

export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'
  | 'enum';

export type KeywordInput = string | number | Date;

const ELLIPSIS = '…';
const chars = (s: string) => Array.from(s);

export function keywordTypeOf(key: string): KeywordType | undefined {
  const t = /^([a-z_]*[a-z])\d+$/.exec(key)?.[1];
  return t as KeywordType | undefined;
}

/** Keeps at most `max` characters, the last one an ellipsis when cut. */
export function truncateChars(value: string, max: number): string {
  const c = chars(value);
  return c.length <= max ? value : c.slice(0, max - 1).join('') + ELLIPSIS;
}

const oneLine = (v: string) => v.replace(/\s+/g, ' ').trim();

export function fitThing(value: string): string {
  return truncateChars(oneLine(value), 20) || '无';
}

/** Only Chinese characters, at most five; '有更新' when nothing is left. */
export function fitPhrase(value: string): string {
  const han = chars(value).filter((c) => /[\u3400-\u4dbf\u4e00-\u9fff]/.test(c));
  return han.length === 0 ? '有更新' : han.slice(0, 5).join('');
}

/** Printable ASCII only (no Chinese), at most 32 characters. */
export function fitCharacterString(value: string): string {
  const ascii = oneLine(value).replace(/[^\x20-\x7e]/g, '');
  return ascii.slice(0, 32) || '-';
}

export function fitNumber(value: number | string): string {
  const s = typeof value === 'number' ? String(value) : value.replace(/[^\d.+-]/g, '');
  return /^[-+]?\d+(\.\d+)?$/.test(s) ? s.slice(0, 32) : '0';
}

export function fitLetter(value: string): string {
  return value.replace(/[^A-Za-z]/g, '').slice(0, 32) || 'x';
}

export function fitSymbol(value: string): string {
  return chars(value.replace(/[\p{L}\p{N}\s]/gu, '')).slice(0, 5).join('') || '-';
}

/** A Chinese name keeps its Chinese characters (at most 10); otherwise at most 20 letters. */
export function fitName(value: string): string {
  const han = chars(value).filter((c) => /[\u4e00-\u9fff·]/.test(c));
  if (han.some((c) => c !== '·')) return han.slice(0, 10).join('');
  return oneLine(value).replace(/[^A-Za-z .'-]/g, '').slice(0, 20).trim() || '用户';
}

export function fitPhoneNumber(value: string): string {
  return value.replace(/[^\d+\-() ]/g, '').slice(0, 17) || '-';
}

export function fitAmount(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.]/g, ''));
  // at most ten digits before the decimal point
  const fitted = Number.isFinite(n) ? Math.min(Math.max(n, 0), 9_999_999_999.99) : 0;
  return `¥${fitted.toFixed(2)}`;
}

/**
 * A calendar date as '2026年3月5日'. Accepts a 'YYYY-MM-DD' string (the legal
 * clock's dates) or an instant, shown in Beijing time.
 */
export function formatDate(value: string | Date): string {
  const p = toParts(value);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** An instant as '2026年3月5日 14:05' in Beijing time. */
export function formatTime(value: string | Date): string {
  const p = toParts(value);
  return `${p.y}年${p.m}月${p.d}日 ${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
}

export function fitKeywordValue(key: string, value: KeywordInput): string {
  const type = keywordTypeOf(key);
  const text = () => (value instanceof Date ? formatTime(value) : String(value));
  switch (type) {
    case 'date':
      return formatDate(typeof value === 'number' ? new Date(value) : value);
    case 'time':
      return formatTime(typeof value === 'number' ? new Date(value) : value);
    case 'phrase':
      return fitPhrase(text());
    case 'character_string':
      return fitCharacterString(text());
    case 'number':
      return fitNumber(typeof value === 'number' ? value : text());
    case 'letter':
      return fitLetter(text());
    case 'symbol':
      return fitSymbol(text());
    case 'name':
      return fitName(text());
    case 'phone_number':
      return fitPhoneNumber(text());
    case 'amount':
      return fitAmount(typeof value === 'number' ? value : text());
    case 'car_number':
      // best effort: a plate cannot be invented from arbitrary text
      return chars(text().toUpperCase().replace(/[^\u4e00-\u9fffA-Z0-9]/g, '')).slice(0, 8).join('');
    default:
      // thing, enum, anything unknown: the thing rule is the safe default
      return fitThing(text());
  }
}

/** The `data` of a subscribe message with every value fitted to its keyword. */
export function fitSubscribeData(data: Record<string, KeywordInput>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value: fitKeywordValue(key, value) }]));
}

function toParts(value: string | Date): { y: number; m: number; d: number; h: number; min: number } {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: 0, min: 0 };
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('invalid date for a subscribe message');
  // China has one time zone and no daylight saving: UTC+8.
  const b = new Date(value.getTime() + 8 * 3600_000);
  return { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate(), h: b.getUTCHours(), min: b.getUTCMinutes() };
}
