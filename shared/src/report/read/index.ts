// readReport: published report text → the report model, plus what the reader noticed
// (missing rows, empty cells, placeholders, cells it could not place). Numbers are never
// guessed: a cell the text does not give unambiguously is null and named in `issues`.

import { ReportReadError } from '../errors';
import { sectionHeadings } from '../labels';
import { emptyNarrative, type AnnualReport, type Narrative } from '../model';
import { prepareLines, type SourceLine } from './lines';
import { findHeadings, findStatisticsYear, findTitle, paragraphsOf } from './structure';
import { readSection2, section2Start } from './table2';
import { readTable3, table3Start } from './table3';
import { readSection4, section4Start } from './table4';

export interface ReadResult {
  report: AnnualReport;
  issues: string[];
}

function assertText(text: string): void {
  if (typeof text !== 'string') throw new ReportReadError('not_a_report', '输入不是文本');
  if (text.trim() === '') throw new ReportReadError('empty', '文件是空的');
  const head = text.slice(0, 8);
  if (text.includes('\u0000') || head.startsWith('%PDF') || head.startsWith('PK\u0003\u0004') || head.startsWith('\u00D0\u00CF\u0011\u00E0')) {
    throw new ReportReadError('binary', '这是二进制文件（如 PDF 或 Word），不是文本；请先把报告另存为纯文本（UTF-8）');
  }
  const replacement = (text.match(/\uFFFD/g) ?? []).length;
  if (replacement > 5 && replacement > text.length / 100) {
    throw new ReportReadError('encoding', '文本中有大量无法解码的字符，文件可能不是 UTF-8 或 GB18030 编码');
  }
}

export function readReport(text: string): ReadResult {
  assertText(text);
  const issues: string[] = [];
  const { lines, footers } = prepareLines(text);
  if (footers > 0) issues.push(`已去掉${footers}行页码`);
  const h = findHeadings(lines);
  const headingSet = new Set(h.filter((i) => i >= 0));
  const isHeading = (line: SourceLine) => headingSet.has(line.index);
  const nextHeading = (after: number) => {
    const later = h.filter((i) => i > after);
    return later.length > 0 ? Math.min(...later) : lines.length;
  };
  const between = (from: number, to: number) => lines.slice(Math.max(0, from), Math.max(0, to));
  h.forEach((i, n) => {
    if (i < 0) issues.push(`找不到第${n + 1}部分标题“${sectionHeadings[n]}”`);
  });

  // Table 三 first: it also bounds section 二 when headings are missing.
  const t3From = h[2]! >= 0 ? h[2]! + 1 : Math.max(0, table3Start(lines));
  const t3To = h[2]! >= 0 ? nextHeading(h[2]!) : h[3]! >= 0 ? h[3]! : h[4]! >= 0 ? h[4]! : lines.length;
  const t3 = readTable3(between(t3From, t3To), isHeading);
  const t3FirstLine = t3.used.size > 0 ? Math.min(...t3.used) : t3To;
  const t3LastLine = t3.used.size > 0 ? Math.max(...t3.used) : t3From;

  const s2From = h[1]! >= 0 ? h[1]! + 1 : Math.max(0, lines.findIndex((l) => /第二十条/.test(l.text)));
  const s2To = h[1]! >= 0 ? Math.min(nextHeading(h[1]!), t3FirstLine) : t3FirstLine;
  const s2Lines = between(s2From, s2To);
  const s2 = h[1]! >= 0 || section2Start(s2Lines) >= 0 ? readSection2(s2Lines, isHeading) : readSection2([], isHeading);

  const s4From = h[3]! >= 0 ? h[3]! + 1 : t3LastLine + 1;
  const s4To = h[3]! >= 0 ? nextHeading(h[3]!) : h[4]! >= 0 ? h[4]! : lines.length;
  const s4Lines = between(s4From, s4To);
  const s4 = section4Start(s4Lines) >= 0 ? readSection4(s4Lines, isHeading) : readSection4([], isHeading);

  const headingsFound = h.filter((i) => i >= 0).length;
  if (t3.found === 0 && s2.found === 0 && !s4.found && headingsFound < 3) {
    throw new ReportReadError(
      'not_a_report',
      '不是政府信息公开工作年度报告：没有找到报告的表格（主动公开、收到和处理申请、行政复议和诉讼），也没有找到报告的章节标题',
    );
  }
  issues.push(...s2.issues, ...t3.issues, ...s4.issues);

  // Title and narrative.
  const firstStructure = Math.min(...[...h.filter((i) => i >= 0), t3FirstLine, lines.length]);
  const title = findTitle(lines, firstStructure);
  let year = title.year;
  if (year === null) {
    year = findStatisticsYear(lines);
    if (year !== null) issues.push(`标题中没有年度，按统计期限取${year}年`);
    else issues.push('找不到报告年度');
  }
  if (title.body === null) issues.push('找不到报告机关名称');

  const tableLines = new Set([...s2.used, ...t3.used, ...s4.used]);
  const textOf = (from: number, to: number) => paragraphsOf(between(from, to).filter((l) => !tableLines.has(l.index) && !headingSet.has(l.index)));
  const narrative: Narrative = emptyNarrative();
  const starts = h.map((i) => (i >= 0 ? i + 1 : -1));
  narrative.preamble = textOf(title.end, firstStructure);
  starts.forEach((from, n) => {
    if (from < 0) return;
    const key = `section${n + 1}` as keyof Narrative;
    narrative[key] = textOf(from, nextHeading(from - 1));
  });

  return {
    report: { body: title.body, year, narrative, section2: s2.section2, rows: t3.rows, section4: s4.section4 },
    issues,
  };
}
