// Table 四: fifteen numbers under a three-line heading (行政复议 / 行政诉讼 …). The numbers
// may be on one line, wrapped over several, or one per line.

import { section4BlockLabels, section4ColumnLabels } from '../labels';
import { emptySection4, section4Blocks, section4Columns, type Section4 } from '../model';
import { canon, presentCount, resolveSlots, splitLine, type Slot, type SourceLine } from './lines';

export interface Section4Read {
  section4: Section4;
  found: boolean;
  used: Set<number>;
  issues: string[];
}

const width = 15;

/** The table's first heading line: "行政复议 … 行政诉讼" printed as cells, or the first line naming its columns. */
export function section4Start(lines: SourceLine[]): number {
  return lines.findIndex((l) => {
    const c = canon(l.text).replace(/\|/g, '');
    if (/结果维持|尚未审结|未经复议/.test(c) || c === '行政复议') return true;
    const tabular = l.text.includes('\t') || l.text.includes('|') || c.length <= 10;
    return tabular && !/\d/.test(c) && /行政复议/.test(c) && /行政诉讼/.test(c);
  });
}

export function readSection4(lines: SourceLine[], isEnd: (line: SourceLine) => boolean): Section4Read {
  const issues: string[] = [];
  const section4 = emptySection4();
  const used = new Set<number>();
  const start = section4Start(lines);
  if (start < 0) return { section4, found: false, used, issues: ['找不到表四（政府信息公开行政复议、行政诉讼情况）'] };
  const slots: Slot[] = [];
  let lineCount = 0;
  let singleLineCells: number | null = null;
  for (const line of lines.slice(start)) {
    if (isEnd(line)) break;
    if (line.text.trim() === '') continue;
    const cells = splitLine(line.text);
    const count = presentCount(cells.slots);
    if (count === 0) {
      // Headings (possibly printed one character per line) and lines of empty cells.
      const c = canon(cells.label);
      if (c === '' || /行政复议|行政诉讼|结果|维持|纠正|其他|审结|总计|起诉/.test(c) || /^[结果其尚维纠他未审持正计总]+$/.test(c)) {
        used.add(line.index);
        if (cells.label === '' && lineCount > 0) slots.push(...cells.slots);
        continue;
      }
      break; // narrative after the table
    }
    if (cells.label !== '' && !/行政复议|行政诉讼|结果|总计|数量|件数/.test(canon(cells.label))) {
      if (lineCount > 0) break;
      issues.push(`表四数字前有文字“${cells.label.slice(0, 20)}”，已忽略`);
    }
    used.add(line.index);
    singleLineCells = lineCount === 0 && cells.mode !== 'space' ? cells.cellCount : null;
    lineCount++;
    slots.push(...cells.slots);
    if (presentCount(slots) >= width) break;
  }
  if (lineCount === 0) return { section4, found: false, used, issues: ['表四没有数字'] };
  // Fifteen cells on one line: each cell is where the table puts it.
  const fixed = singleLineCells === width && slots.length === width ? { fixedStart: 0 } : {};
  const resolved = resolveSlots(slots, width, { anchor: 'free', ...fixed });
  section4Blocks.forEach((block, b) => {
    section4[block] = resolved.values.slice(b * 5, b * 5 + 5);
  });
  if (resolved.problem) issues.push(`表四${resolved.problem}`);
  if (resolved.placeholders.length > 0) issues.push(`表四有占位符（${resolved.placeholders.join('、')}），按空格处理`);
  if (!resolved.problem) {
    const blanks = section4Blocks.flatMap((block) =>
      section4Columns.filter((_, i) => section4[block][i] === null).map((c) => `${section4BlockLabels[block]}${section4ColumnLabels[c]}`),
    );
    if (blanks.length > 0 && blanks.length < width) issues.push(`表四有空单元格：${blanks.join('、')}`);
  }
  return { section4, found: true, used, issues };
}
