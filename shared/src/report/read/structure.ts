// The outline of a report: title (body and year), the six section headings, and the
// narrative paragraphs between them.

import { parseChineseNumber } from '../numbers';
import { canon, type SourceLine } from './lines';

const numberingPrefix = /^(?:第?[一二三四五六七八九十]+(?:部分)?\s*[、.．,，:：]?|\d+\s*[.、．]|[(（][一二三四五六七八九十]+[)）])\s*/;

const sectionPatterns: ReadonlyArray<{ re: RegExp; bare?: RegExp }> = [
  { re: /总体情况|^概述$|^概况$/ },
  { re: /主动公开政府信息/ },
  { re: /收到和处理政府信息公开申请|依申请公开政府信息情况/ },
  { re: /行政复议.{0,3}行政诉讼|复议.{0,2}诉讼/, bare: /情况/ },
  { re: /存在的?主要问题|问题及改进|改进情况/ },
  { re: /其他需要报告/ },
];

/** A section heading: a short line without figures, naming the section. */
function headingNumber(line: SourceLine): number | null {
  const c = canon(line.text).replace(/^#+/, '');
  if (c.length === 0 || c.length > 40 || line.text.includes('\t') || line.text.includes('|')) return null;
  const numbered = numberingPrefix.exec(c);
  const rest = numbered ? c.slice(numbered[0].length) : c;
  if (/\d/.test(rest)) return null;
  // Without numbering only a bare heading counts: a sentence such as "无其他需要报告的事项。" does not.
  if (!numbered && (rest.length > 20 || /[。，,；;！？]/.test(rest))) return null;
  for (let i = 0; i < sectionPatterns.length; i++) {
    const p = sectionPatterns[i]!;
    if (!p.re.test(rest)) continue;
    if (!numbered && p.bare && !p.bare.test(rest)) continue;
    // "（一）主动公开" inside section 一 is a sub-heading, not section 二.
    if (numbered && /^[(（]/.test(numbered[0])) return null;
    return i + 1;
  }
  return null;
}

/** Line index of each of the six section headings (-1 when absent), searched in order. */
export function findHeadings(lines: SourceLine[]): number[] {
  const found = [-1, -1, -1, -1, -1, -1];
  let from = 0;
  for (const line of lines) {
    if (line.index < from) continue;
    const n = headingNumber(line);
    if (n !== null && found[n - 1] === -1 && found.slice(n).every((i) => i === -1)) {
      found[n - 1] = line.index;
      from = line.index + 1;
    }
  }
  return found;
}

// ---- Title ----------------------------------------------------------------------------------

export interface Title {
  body: string | null;
  year: number | null;
  /** Index of the first line after the title block. */
  end: number;
}

const yearToken = /(\d{4}|[〇零一二三四五六七八九]{4})\s*年度?/;
const organisation = /(?:政府|办公室|办公厅|局|委员会|委|办事处|中心|院|厅|部|署|镇|乡|街道|管委会|管理委员会|公司|所|站|队)$/;

function toYear(token: string): number | null {
  const y = /^\d{4}$/.test(token) ? Number(token) : parseChineseNumber(token);
  return y !== null && y >= 2000 && y <= 2100 ? y : null;
}

export function findTitle(lines: SourceLine[], limit: number): Title {
  const nonBlank = lines.filter((l) => l.index < limit && l.text.trim() !== '').slice(0, 10);
  // Prefer "…年度报告" with a year; web pages put "政府信息公开年报" in their navigation bar.
  // A title is a short line; the preamble often repeats it inside a long sentence.
  const named = (l: SourceLine, word: string) => canon(l.text).includes(word) && canon(l.text).length <= 60;
  const withYear = (l: SourceLine) => yearToken.test(canon(l.text));
  const titleAt = [
    (l: SourceLine) => named(l, '年度报告') && withYear(l),
    (l: SourceLine) => named(l, '年度报告'),
    (l: SourceLine) => named(l, '年报') && withYear(l),
  ]
    .map((test) => nonBlank.findIndex(test))
    .find((i) => i >= 0) ?? -1;
  if (titleAt < 0) return { body: null, year: null, end: nonBlank[0]?.index ?? 0 };
  let titleLine = nonBlank[titleAt]!;
  let text = canon(titleLine.text).replace(/^#+/, '');
  // A title wrapped over two lines: "…政府信息公开工作" / "年度报告".
  if (!yearToken.test(text) && titleAt > 0 && yearToken.test(canon(nonBlank[titleAt - 1]!.text))) {
    text = canon(nonBlank[titleAt - 1]!.text) + text;
  }
  let end = titleLine.index + 1;
  const m = new RegExp(`^(.*?)(?:关于)?${yearToken.source}(.*?)(?:政府信息公开|信息公开|政务公开)`).exec(text);
  let year = m ? toYear(m[2]!) : null;
  let body: string | null = null;
  if (m) {
    body = m[1]!.replace(/关于$/, '') || m[3]!.replace(/^的/, '') || null;
  } else {
    // "…政府信息公开工作年度报告（2023年度）": the year after the title.
    const late = new RegExp(`[(（]?${yearToken.source}[)）]?`).exec(text);
    if (late) {
      year = toYear(late[1]!);
      body = text.replace(late[0], '').replace(/(?:关于)?(?:政府信息公开|信息公开|政务公开).*$/, '') || null;
    }
  }
  if (body === null) {
    const before = nonBlank.slice(0, titleAt).map((l) => canon(l.text)).filter((t) => !yearToken.test(t) && t.length <= 40);
    if (before.length > 0) body = before.join('');
  }
  if (body === null) {
    const after = nonBlank[titleAt + 1];
    if (after && canon(after.text).length <= 30 && organisation.test(canon(after.text))) {
      body = canon(after.text);
      end = after.index + 1;
    }
  }
  titleLine = nonBlank[titleAt]!;
  return { body, year, end: Math.max(end, titleLine.index + 1) };
}

/** "本年报中所列数据的统计期限从 2023 年 1 月 1 日至 2023 年 12 月 31 日" — the year when the title has none. */
export function findStatisticsYear(lines: SourceLine[]): number | null {
  for (const line of lines) {
    const m = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/.exec(line.text);
    if (m && m[1] === m[2]) return Number(m[1]);
  }
  return null;
}

// ---- Narrative ------------------------------------------------------------------------------

/** Buttons and notes of the web page a report was copied from. */
const webChrome = /^(?:扫一扫在手机(?:上)?打开当前页|(?:【[^】]{1,6}】\s*)+|分享到[:：]?.{0,20}|打印本页|关闭窗口|字号[:：].{0,20})$/;

const terminal = /[。！？!?；;…:：”"』」]$/;
const headingLike = /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/;

/**
 * Paragraphs from the lines of a section. A line that does not end a sentence continues on
 * the next line (page breaks and PDF line wraps cut paragraphs), unless either is a heading.
 */
export function paragraphsOf(lines: SourceLine[]): string {
  const out: string[] = [];
  let joinNext = false;
  for (const line of lines) {
    const text = line.raw.replace(/[\u3000\u00A0]/g, ' ').trim();
    if (text === '' || /^[|\s\t]+$/.test(text) || webChrome.test(text)) continue;
    const isHeading = headingLike.test(text) && text.length <= 40;
    if (joinNext && !isHeading && out.length > 0) out[out.length - 1] += text;
    else out.push(text);
    const last = out[out.length - 1]!;
    joinNext = !terminal.test(last) && !(headingLike.test(last) && last.length <= 40);
  }
  return out.join('\n');
}
