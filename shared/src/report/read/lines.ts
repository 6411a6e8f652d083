// Lines and cells of a published report as they come out of Word, PDF or web pages:
// cells separated by tabs, by pipes (copied web tables), or by runs of spaces (PDF text);
// full-width digits and brackets; page footers ("- 3 -", "第 3 页 共 9 页") anywhere.

import { parseNumberCell } from '../numbers';

export interface SourceLine {
  index: number;
  /** The line as given (footers blanked). */
  raw: string;
  /** NFKC-normalised (full-width digits and brackets → ASCII), non-breaking and ideographic spaces → ' '. */
  text: string;
}

const footerPatterns = [
  /^[-—–－~_]+\s*\d{1,4}\s*[-—–－~_]+$/, // - 3 -   — 3 —
  /^第\s*\d{1,4}\s*页(?:\s*[,/，、]?\s*共\s*\d{1,4}\s*页)?$/, // 第 3 页 共 9 页
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^(?:page|p\.)\s*\d{1,4}\b.{0,40}$/i, // Page 9 - 2020年报
];

export function isPageFooter(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 50) return false;
  if (footerPatterns.some((p) => p.test(t))) return true;
  const m = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(t); // 3 / 9
  return m !== null && Number(m[1]) <= Number(m[2]) && Number(m[1]) > 0;
}

/** "|---|---:|": the line under a Markdown table's header. */
function isMarkdownRule(text: string): boolean {
  return text.includes('|') && /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$/.test(text);
}

export function prepareLines(input: string): { lines: SourceLine[]; footers: number } {
  let footers = 0;
  const lines = input
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, index) => {
      const text = raw.normalize('NFKC').replace(/[\u00A0\u2007\u202F\u3000\u200B]/g, ' ');
      if (isMarkdownRule(text)) return { index, raw: '', text: '' };
      if (isPageFooter(text)) {
        footers++;
        return { index, raw: '', text: '' };
      }
      return { index, raw, text };
    });
  return { lines, footers };
}

/** Text with whitespace and quotes removed, for matching labels ("总 计" = "总计"). */
export function canon(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』*]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

// ---- Cells ----------------------------------------------------------------------------------

export type Slot = { kind: 'num'; value: number; raw: string } | { kind: 'dash'; raw: string } | { kind: 'empty' };
export type Mode = 'tab' | 'pipe' | 'space';

export interface LineCells {
  /** Label cells joined by a space ('' when the line holds values only). */
  label: string;
  /** The trailing run of value cells (numbers, placeholders, empty cells) after the label. */
  slots: Slot[];
  mode: Mode;
  /** Number of cells on the line (tab / pipe mode). */
  cellCount: number;
}

/** Placeholders some reports put in cells instead of a number. */
const dashPattern = /^(?:[-—–－/\\×xX*]+|无|空)$/;

function valueSlots(cell: string): Slot[] | null {
  const t = cell.trim();
  if (t === '') return [{ kind: 'empty' }];
  const tokens = t.split(/\s+/);
  const slots: Slot[] = [];
  for (const token of tokens) {
    const value = parseNumberCell(token);
    if (value !== null) slots.push({ kind: 'num', value, raw: token });
    else if (dashPattern.test(token)) slots.push({ kind: 'dash', raw: token });
    else return null;
  }
  return slots;
}

function pipeCells(text: string): string[] {
  const t = text.trim();
  if (/^[|\s]+$/.test(t)) {
    // A line of bare pipes in a copied web table: one empty cell per pipe.
    return Array.from({ length: (t.match(/\|/g) ?? []).length }, () => '');
  }
  const cells = t.split('|');
  if (t.endsWith('|')) cells.pop();
  if (t.startsWith('|')) cells.shift();
  return cells;
}

export function splitLine(text: string): LineCells {
  const mode: Mode = text.includes('\t') ? 'tab' : text.includes('|') ? 'pipe' : 'space';
  if (mode === 'space') {
    const tokens = text.trim().split(/\s+/).filter((t) => t.length > 0);
    const slots: Slot[] = [];
    let i = tokens.length;
    while (i > 0) {
      const s = valueSlots(tokens[i - 1]!);
      if (s === null || s[0]!.kind === 'empty') break;
      slots.unshift(...s);
      i--;
    }
    return { label: tokens.slice(0, i).join(' '), slots, mode, cellCount: tokens.length };
  }
  const cells = mode === 'tab' ? text.split('\t') : pipeCells(text);
  let i = cells.length;
  const slots: Slot[] = [];
  while (i > 0) {
    const s = valueSlots(cells[i - 1]!);
    if (s === null) break;
    slots.unshift(...s);
    i--;
  }
  const label = cells
    .slice(0, i)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .join(' ');
  return { label, slots, mode, cellCount: cells.length };
}

export const isPresent = (s: Slot) => s.kind !== 'empty';
export const presentCount = (slots: Slot[]) => slots.filter(isPresent).length;

export interface Resolved {
  values: (number | null)[];
  /** Why some cells are null although the line had numbers ('' when every given number was placed). */
  problem: string;
  /** Placeholders ("—", "/") read as missing cells. */
  placeholders: string[];
}

const slotValue = (s: Slot | undefined): number | null => (s && s.kind === 'num' ? s.value : null);

/**
 * Places the numbers of a row into its k cells without guessing. With exactly k numbers
 * or placeholders the order decides. When the table's layout fixes where the row's cells
 * are (`fixedStart`: index of the first of the k slots), empty cells there are missing
 * numbers. Otherwise empty cells may be missing numbers or mere spacers: every placement
 * of the k-cell window that keeps all given values is tried, and a cell keeps a value only
 * when all placements agree on it. 'left' anchoring (values right after the label) is for
 * tables whose labels always take exactly one cell.
 */
export function resolveSlots(slots: Slot[], k: number, how: { anchor: 'left' | 'free'; fixedStart?: number }): Resolved {
  const present = slots.filter(isPresent);
  const placeholders = present.filter((s) => s.kind === 'dash').map((s) => (s as { raw: string }).raw);
  if (present.length === k) return { values: present.map(slotValue), problem: '', placeholders };
  const none = Array.from({ length: k }, () => null);
  if (present.length === 0) return { values: none, problem: '', placeholders };
  if (present.length > k) return { values: none, problem: `有${present.length}个数，多于${k}个，无法对应到各列`, placeholders };
  if (how.anchor === 'left') {
    return { values: none.map((_, i) => slotValue(slots[i])), problem: '', placeholders };
  }
  const fixed = how.fixedStart;
  if (fixed !== undefined && fixed >= 0 && fixed + k <= slots.length && presentCount(slots.slice(fixed, fixed + k)) === present.length) {
    return { values: slots.slice(fixed, fixed + k).map(slotValue), problem: '', placeholders };
  }
  const indices = slots.map((s, i) => (isPresent(s) ? i : -1)).filter((i) => i >= 0);
  const first = indices[0]!;
  const last = indices[indices.length - 1]!;
  const windows: number[] = [];
  for (let start = Math.max(0, last - k + 1); start <= first && start + k <= slots.length; start++) windows.push(start);
  if (windows.length === 0) {
    return { values: none, problem: `只有${present.length}个数（应为${k}个），无法确定缺的是哪一格`, placeholders };
  }
  const values = none.map((_, i) => {
    const candidates = windows.map((w) => slotValue(slots[w + i]));
    return candidates.every((v) => v === candidates[0]) ? candidates[0]! : null;
  });
  const placed = values.filter((v) => v !== null).length;
  const given = present.filter((s) => s.kind === 'num').length;
  const problem = placed < given ? `只有${present.length}个数（应为${k}个），缺格位置不确定，无法确定的格按空处理` : '';
  return { values, problem, placeholders };
}
