// What WeChat accepts as the value of a subscribe-message keyword, by keyword
// type (subscribeMessage.send, "订阅消息参数值内容限制说明"). The type is the
// key's name without its number: thing2 → thing, character_string1 →
// character_string. A value that breaks its rule makes the platform answer
// 47003 "argument invalid! data.<key>.value invalid".
//
// Lengths are counted in characters (code points), as the documentation's
// "20个以内字符" reads.

const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u;
const LETTERS = /^[A-Za-z]+$/;
const ASCII_PRINTABLE = /^[\x20-\x7e]+$/;
const DATE = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})`;
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const DATE_POINT = new RegExp(`^${DATE}(?:\\s*${CLOCK})?$`);
const TIME_POINT = new RegExp(`^(?:${DATE}\\s*)?${CLOCK}$`);

export function keywordType(key: string): string | undefined {
  return /^([a-z_]*[a-z])\d+$/.exec(key)?.[1];
}

const length = (s: string) => Array.from(s).length;

/** Whether WeChat would accept `value` for a keyword of `type`. */
export function isValidKeywordValue(type: string, value: string): boolean {
  if (value.length === 0) return false;
  switch (type) {
    case 'thing':
      return length(value) <= 20;
    case 'number':
      return length(value) <= 32 && /^[-+]?\d+(\.\d+)?$/.test(value);
    case 'letter':
      return length(value) <= 32 && LETTERS.test(value);
    case 'symbol':
      return length(value) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(value);
    case 'character_string':
      return length(value) <= 32 && ASCII_PRINTABLE.test(value);
    case 'time':
      return range(value).every((p) => TIME_POINT.test(p));
    case 'date':
      return range(value).every((p) => DATE_POINT.test(p));
    case 'amount':
      return /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value);
    case 'phone_number':
      return length(value) <= 17 && /^[\d+\-() ]+$/.test(value);
    case 'car_number':
      return length(value) <= 8 && /^[\u4e00-\u9fffA-Z][A-Z0-9]{0,6}[\u4e00-\u9fffA-Z0-9]?$/.test(value);
    case 'name':
      // 10 Chinese characters; 20 letters when the name has no Chinese in it
      return /[\u4e00-\u9fff]/.test(value) ? length(value) <= 10 : length(value) <= 20 && /^[A-Za-z .·'-]+$/.test(value);
    case 'phrase':
      return length(value) <= 5 && CJK.test(value);
    default:
      // enum and any type not modelled: accept what a thing accepts
      return length(value) <= 20;
  }
}

function range(value: string): string[] {
  return value.split('~').map((p) => p.trim());
}
