// Table 三 from the lines of section 三.

import { rowShortName } from '../labels';
import { emptyRows, standardRowKeys, type Cell, type RowKey, type StandardRowKey, type Table3Rows } from '../model';
import { canon, presentCount, resolveSlots, splitLine, type SourceLine } from './lines';
import { classifyRowLabel, isTable3Header, isTable3HeaderWord } from './row-labels';
import { scanRows, type RawRow } from './rows';

export interface Table3Read {
  rows: Table3Rows;
  found: number;
  used: Set<number>;
  issues: string[];
}

const width = 7;

/** Label candidates in order of trust: the row's own line first, then with wrapped parts. */
function classify(row: RawRow): RowKey | null {
  const lead = row.lead.join('');
  const trail = row.trail.join('');
  const candidates = [row.own, lead + row.own, row.own + trail, lead + row.own + trail];
  for (const c of candidates) {
    if (canon(c) === '') continue;
    const key = classifyRowLabel(c);
    if (key) return key;
  }
  return null;
}

/** Where table 三 starts: its corner note or column headings, or else its first row. */
export function table3Start(lines: SourceLine[]): number {
  const i = lines.findIndex((l) => {
    const c = canon(l.text);
    return c.includes('勾稽关系') || c.includes('申请人情况') || (/新收/.test(c) && /\d/.test(c));
  });
  return i;
}

export function readTable3(lines: SourceLine[], isEnd: (line: SourceLine) => boolean): Table3Read {
  const issues: string[] = [];
  const start = table3Start(lines);
  if (start < 0) return { rows: emptyRows(), found: 0, used: new Set(), issues: ['找不到表三（收到和处理政府信息公开申请情况）'] };
  const scan = scanRows(lines.slice(start), {
    width: () => width,
    isRowLabel: (label) => classifyRowLabel(label) !== null,
    isHeader: (label, started) => isTable3Header(label) || (!started && isTable3HeaderWord(label)),
    isEnd,
    isLast: (row) => classify(row) === 'carried_out',
  });

  const columnStart = fixedColumns(lines.slice(start), scan.rows);

  const keyed: { key: RowKey | null; row: RawRow }[] = scan.rows.map((row) => ({ key: classify(row), row }));
  // A row whose label could not be read takes the one key missing between its neighbours.
  const order: RowKey[] = [...standardRowKeys];
  keyed.forEach((entry, i) => {
    if (entry.key !== null) return;
    let b = i - 1;
    while (b >= 0 && (keyed[b]!.key === null || keyed[b]!.key === 'other_single')) b--;
    let a = i + 1;
    while (a < keyed.length && (keyed[a]!.key === null || keyed[a]!.key === 'other_single')) a++;
    const unknownBetween = keyed.slice(b + 1, a).filter((e) => e.key === null).length;
    const from = b >= 0 ? order.indexOf(keyed[b]!.key!) + 1 : 0;
    const to = a < keyed.length ? order.indexOf(keyed[a]!.key!) : order.length;
    const gap = order.slice(from, to).filter((k) => !keyed.some((e) => e.key === k));
    if (unknownBetween === 1 && gap.length === 1) {
      entry.key = gap[0]!;
      issues.push(`表三有一行标签无法识别（“${labelText(entry.row)}”），按位置视为“${rowShortName(gap[0]!)}”`);
    }
  });

  const rows = emptyRows();
  const seen = new Set<RowKey>();
  let found = 0;
  for (const { key, row } of keyed) {
    const numbers = row.slots.filter((s) => s.kind === 'num').map((s) => (s as { value: number }).value);
    if (key === null) {
      issues.push(`表三有一行无法识别，已忽略：“${labelText(row)}” ${numbers.join(' ')}`);
      continue;
    }
    if (seen.has(key)) {
      issues.push(`表三“${rowShortName(key)}”行出现了不止一次，只取第一次：“${labelText(row)}”`);
      continue;
    }
    seen.add(key);
    found++;
    const fixed = columnStart !== null && row.cellCount !== null ? { fixedStart: columnStart - (row.cellCount - row.slots.length) } : {};
    const resolved = resolveSlots(row.slots, width, { anchor: 'free', ...fixed });
    const values: Cell[] = resolved.values;
    if (key === 'other_single') rows.other_single = values;
    else rows[key as StandardRowKey] = values;
    if (resolved.problem) issues.push(`表三“${rowShortName(key)}”行${resolved.problem}`);
    if (resolved.placeholders.length > 0) issues.push(`表三“${rowShortName(key)}”行有占位符（${resolved.placeholders.join('、')}），按空格处理`);
    const blanks = values.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
    if (blanks.length > 0 && blanks.length < width && !resolved.problem) {
      issues.push(`表三“${rowShortName(key)}”行有${blanks.length}个空单元格（第${blanks.map((i) => i + 1).join('、')}列）`);
    }
    if (numbers.some((n) => !Number.isInteger(n))) issues.push(`表三“${rowShortName(key)}”行有非整数：${numbers.join(' ')}`);
  }
  for (const key of standardRowKeys) {
    if (seen.has(key)) continue;
    if (key.startsWith('other_') && seen.has('other_single')) continue;
    issues.push(`表三缺少“${rowShortName(key)}”行`);
  }
  if (seen.has('other_single')) issues.push('表三使用了2019年格式的“（六）其他处理”单行（键 other_single）');
  return { rows, found, used: scan.used, issues };
}

/** Cells of a tab / pipe line, as the row scanner counts them. */
function cellsOf(text: string): string[] {
  return text.includes('\t') ? text.split('\t') : splitLine(text).mode === 'pipe' ? pipeCellsOf(text) : [];
}

function pipeCellsOf(text: string): string[] {
  const t = text.trim();
  const cells = t.split('|');
  if (t.endsWith('|')) cells.pop();
  if (t.startsWith('|')) cells.shift();
  return cells;
}

/**
 * The cell index where the seven value columns start, when the layout fixes it: the column
 * headings put 自然人 and 总计 six cells apart, or all complete one-line rows start at the
 * same cell; and no complete row contradicts it. Null when rows are laid out unevenly
 * (as in many copied reports), so a missing cell cannot be placed by position.
 */
function fixedColumns(lines: SourceLine[], rows: RawRow[]): number | null {
  const firstRowLine = Math.min(...rows.map((r) => r.lines[r.lines.length - 1]!), Number.MAX_SAFE_INTEGER);
  let natural: number | null = null;
  let total: number | null = null;
  for (const line of lines) {
    if (line.index >= firstRowLine) break;
    const cells = cellsOf(line.text).map((c) => canon(c));
    const n = cells.indexOf('自然人');
    const t = cells.lastIndexOf('总计');
    if (n >= 0 && natural === null) natural = n;
    if (t >= 0) total = t;
  }
  const fromHeader = natural !== null && total !== null && total - natural === width - 1 ? natural : null;
  const starts = rows
    .filter((r) => r.cellCount !== null && presentCount(r.slots) === width)
    .map((r) => {
      const offset = r.cellCount! - r.slots.length;
      const first = r.slots.findIndex((s) => s.kind !== 'empty');
      const last = r.slots.length - 1 - [...r.slots].reverse().findIndex((s) => s.kind !== 'empty');
      return last - first === width - 1 ? offset + first : -1;
    });
  const agreed = new Set(starts);
  if (fromHeader !== null) return starts.every((s) => s === fromHeader) ? fromHeader : null;
  return starts.length > 0 && agreed.size === 1 && !agreed.has(-1) ? starts[0]! : null;
}

function labelText(row: RawRow): string {
  return [...row.lead, row.own, ...row.trail].join(' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}
