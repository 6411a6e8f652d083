// 18-digit citizen identity number (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit
// birth date, 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2).
import { isLegalDate, type LegalDate } from '../calendar/dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
/** First two digits: provinces, plus 71 Taiwan, 81 Hong Kong, 82 Macao, 83 (Taiwan residents' residence permits). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError('需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: LegalDate; sex: 'male' | 'female'; regionCode: string }
  | { ok: false; reason: string };

export function checkIdNumber(value: string, options: { today?: LegalDate } = {}): IdNumberCheck {
  const v = value.trim().toUpperCase();
  if (/^\d{15}$/.test(v)) return { ok: false, reason: '请填写18位居民身份证号码（15位旧号码已停止使用）' };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, reason: '居民身份证号码应为18位，前17位为数字，最后一位为数字或X' };
  if (!PROVINCES.has(Number(v.slice(0, 2)))) return { ok: false, reason: '居民身份证号码的地址码不正确' };
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  // 1800: the standard's own example numbers are born in 1880.
  if (!isLegalDate(birthDate) || birthDate < '1800-01-01' || (options.today !== undefined && birthDate > options.today)) {
    return { ok: false, reason: '居民身份证号码中的出生日期不正确' };
  }
  if (idCheckCharacter(v.slice(0, 17)) !== v[17]) return { ok: false, reason: '居民身份证号码校验位不正确，请核对' };
  return { ok: true, normalized: v, birthDate, sex: Number(v[16]) % 2 === 1 ? 'male' : 'female', regionCode: v.slice(0, 6) };
}

export function isValidIdNumber(value: string): boolean {
  return checkIdNumber(value).ok;
}
