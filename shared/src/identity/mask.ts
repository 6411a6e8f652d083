// Masking for lists and logs-adjacent displays (personal data is shown in full only where needed).

/** 510123199001011234 → 5101**********1234; shorter documents keep a quarter at each end (at most 4). */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  const keep = Math.min(4, Math.floor(v.length / 4));
  if (keep === 0) return '*'.repeat(v.length);
  return v.slice(0, keep) + '*'.repeat(v.length - 2 * keep) + v.slice(-keep);
}

/** 13812341234 → 138****1234; 028-12345678 → 028-****5678. */
export function maskPhone(value: string): string {
  const v = value.trim();
  const digits = v.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const m = /^(0\d{2,3}-)(\d+)(-\d+)?$/.exec(v);
  if (m) return `${m[1]}${'*'.repeat(Math.max(0, m[2]!.length - 4))}${m[2]!.slice(-4)}`;
  return v.length <= 4 ? '*'.repeat(v.length) : '*'.repeat(v.length - 4) + v.slice(-4);
}

/** 张三 → 张*, 王小明 → 王**, 阿依古丽·买买提 → 阿***·***, John Smith → J*** S****. */
export function maskName(value: string): string {
  const v = value.trim();
  if (/^[\u3400-\u9fff\u00b7·]+$/.test(v)) {
    return [...v].map((ch, i) => (i === 0 || ch === '·' || ch === '\u00b7' ? ch : '*')).join('');
  }
  return v
    .split(/(\s+)/)
    .map((w) => (/^\s+$/.test(w) || w.length === 0 ? w : w[0] + '*'.repeat(w.length - 1)))
    .join('');
}

/** zhangsan@example.com → zh******@example.com */
export function maskEmail(value: string): string {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return maskIdNumber(v);
  const local = v.slice(0, at);
  const keep = local.length <= 2 ? 1 : 2;
  return local.slice(0, keep) + '*'.repeat(local.length - keep) + v.slice(at);
}

/** Keeps the first 6 characters (province/city/district), hides the rest. */
export function maskAddress(value: string): string {
  const v = value.trim();
  return v.length <= 6 ? v : `${[...v].slice(0, 6).join('')}****`;
}
