// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capital
// letters without I, O, S, V, Z): registration authority (1), organisation type (1), region
// (6 digits), organisation code (9), check character (MOD 31, weights 3^i mod 31).
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new TypeError('需要17位字符');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new TypeError(`字符 ${first17[i]} 不属于统一社会信用代码字符集`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeCheck = { ok: true; normalized: string; regionCode: string } | { ok: false; reason: string };

export function checkCreditCode(value: string): CreditCodeCheck {
  const v = value.trim().toUpperCase();
  if (v.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  if (![...v].every((c) => CHARSET.includes(c))) return { ok: false, reason: '统一社会信用代码只含数字和大写字母（不含I、O、S、V、Z）' };
  if (!/^\d{6}$/.test(v.slice(2, 8))) return { ok: false, reason: '统一社会信用代码第3–8位（登记管理机关行政区划码）应为数字' };
  if (creditCodeCheckCharacter(v.slice(0, 17)) !== v[17]) return { ok: false, reason: '统一社会信用代码校验位不正确，请核对' };
  return { ok: true, normalized: v, regionCode: v.slice(2, 8) };
}

export function isValidCreditCode(value: string): boolean {
  return checkCreditCode(value).ok;
}
