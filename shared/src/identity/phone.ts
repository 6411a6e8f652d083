// Mainland phone numbers: mobile (11 digits, 1[3-9]…), or a landline with its area code
// (010 / 02X + 8 digits; 0XXX + 7–8 digits), optionally with an extension.
export type PhoneCheck = { ok: true; kind: 'mobile' | 'landline'; normalized: string } | { ok: false; reason: string };

export function checkPhone(value: string): PhoneCheck {
  let v = value.trim().replace(/[\s()（）]/g, '');
  const mobile = v.replace(/-/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(mobile)) {
    return /^1[3-9]\d{9}$/.test(mobile) ? { ok: true, kind: 'mobile', normalized: mobile } : { ok: false, reason: '手机号码不正确' };
  }
  v = v.replace(/^(\+86|0086)-?/, '0').replace(/^00/, '0');
  const m = /^(0(?:10|2\d|[3-9]\d{2}))-?(\d{7,8})(?:(?:-|转|ext\.?|#)(\d{1,6}))?$/i.exec(v);
  if (m) {
    const [, area, local, ext] = m;
    if ((area!.length === 3 && local!.length !== 8) || local![0] === '0' || local![0] === '1') return { ok: false, reason: '固定电话号码不正确，请核对区号和号码' };
    return { ok: true, kind: 'landline', normalized: `${area}-${local}${ext ? `-${ext}` : ''}` };
  }
  return { ok: false, reason: '请填写11位手机号码，或带区号的固定电话（如028-12345678）' };
}

export function isValidPhone(value: string): boolean {
  return checkPhone(value).ok;
}
