// Numbers as they appear in published reports: ASCII or full-width digits, thousands
// separators, and small Chinese numerals in running text ("七件", "二〇二三年").

const digitValue: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const unitValue: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const chineseNumeralChars = '零〇一二两三四五六七八九十百千';

/** "七" → 7, "十二" → 12, "一百二十一" → 121, "二〇二三" → 2023 (digit by digit); null if not a numeral. */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0 || [...text].some((ch) => !(ch in digitValue) && !(ch in unitValue))) return null;
  if ([...text].every((ch) => ch in digitValue)) {
    // Digit by digit, as years are written ("二〇二三"); a single digit is just that digit.
    return Number([...text].map((ch) => digitValue[ch]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in digitValue) {
      current = digitValue[ch]!;
    } else {
      const unit = unitValue[ch]!;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    }
  }
  return total + current;
}

/** A numeric table cell: "7", "1,234", "0.5", full-width "７". Null if the text is not a number. */
export function parseNumberCell(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return null;
}

/** A number in running text: ASCII digits (with separators) or a Chinese numeral. */
export function parseTextNumber(text: string): number | null {
  return parseNumberCell(text) ?? parseChineseNumber(text);
}
