// Groups lines into table rows: a label and the numbers after it. A row's label may sit on
// the same line as its numbers, on lines before them (wrapped labels, one cell per line in
// copied web tables) or partly after them (a label wrapped below its numbers).

import { presentCount, splitLine, type Mode, type Slot, type SourceLine } from './lines';

export interface RawRow {
  /** Label-only lines just before the row. */
  lead: string[];
  /** Label on the line where the row's numbers begin. */
  own: string;
  /** Label-only lines just after the row (they may also be the next row's lead). */
  trail: string[];
  slots: Slot[];
  mode: Mode;
  /** Source line indices the row used. */
  lines: number[];
  /** Cells on the row's line when the row is one tab/pipe line, for detecting a regular grid. */
  cellCount: number | null;
}

export interface RowBuilderOptions {
  /** How many cells a row with this label has. */
  width: (label: string) => number;
  /** A label-only line with at least `width` empty cells names an empty row if this accepts its label. */
  isRowLabel: (label: string) => boolean;
  /** Header lines are skipped; `started` tells whether a data row has been seen. */
  isHeader: (label: string, started: boolean) => boolean;
  /** Stop before this line (e.g. the next section heading). */
  isEnd?: (line: SourceLine) => boolean;
  /** Stop after a row with this label has been completed. */
  isLast?: (row: RawRow) => boolean;
}

export interface RowScan {
  rows: RawRow[];
  /** Lines that belong to the table (rows, headers, label fragments). */
  used: Set<number>;
}

/** Walks the lines once, holding the row being filled and the label lines not yet placed. */
class RowScanner {
  readonly rows: RawRow[] = [];
  readonly used = new Set<number>();
  private pending: { text: string; line: number }[] = [];
  private current: RawRow | null = null;
  private lastClosed: RawRow | null = null;
  /** Set once the row that ends the table has been read. */
  done = false;

  constructor(private readonly options: RowBuilderOptions) {}

  private full(row: RawRow): boolean {
    return presentCount(row.slots) >= this.options.width([...row.lead, row.own].join(' '));
  }

  private close(): void {
    const row = this.current;
    if (!row) return;
    this.rows.push(row);
    this.lastClosed = row;
    this.current = null;
    if (this.options.isLast?.(row)) this.done = true;
  }

  private open(own: string, slots: Slot[], mode: Mode, line: SourceLine, cellCount: number | null): RawRow {
    const row: RawRow = { lead: this.pending.map((p) => p.text), own, trail: [], slots, mode, lines: [...this.pending.map((p) => p.line), line.index], cellCount };
    this.pending = [];
    this.current = row;
    return row;
  }

  feed(line: SourceLine): void {
    const cells = splitLine(line.text);
    const count = presentCount(cells.slots);
    const started = this.rows.length > 0 || this.current !== null;
    if (cells.label !== '' && count === 0 && this.options.isHeader(cells.label, started)) {
      this.used.add(line.index);
      return;
    }
    if (cells.label !== '' && count > 0) {
      // A label with its numbers: a new row.
      this.close();
      if (this.done) return;
      const row = this.open(cells.label, cells.slots, cells.mode, line, cells.mode === 'space' ? null : cells.cellCount);
      this.used.add(line.index);
      if (this.full(row)) this.close();
      return;
    }
    if (cells.label !== '') {
      // A label without numbers: the row before is complete; the label belongs to it or to the next.
      if (this.current && presentCount(this.current.slots) > 0) this.close();
      if (this.done) return;
      if (cells.slots.length >= this.options.width(cells.label) && this.options.isRowLabel(cells.label)) {
        // A row whose cells are all empty ("行政许可\t\t\t").
        this.open(cells.label, cells.slots, cells.mode, line, cells.cellCount);
        this.used.add(line.index);
        this.close();
        return;
      }
      const last = this.lastClosed;
      if (last && this.pending.length === last.trail.length) last.trail.push(cells.label);
      this.pending.push({ text: cells.label, line: line.index });
      return;
    }
    // Values only (one cell per line, or numbers wrapped onto the next line).
    if (count === 0) {
      this.current?.slots.push(...cells.slots);
      return;
    }
    this.used.add(line.index);
    let row = this.current;
    if (row) {
      row.slots.push(...cells.slots);
      row.lines.push(line.index);
      row.cellCount = null;
    } else {
      this.pending.forEach((p) => this.used.add(p.line));
      row = this.open('', cells.slots, cells.mode, line, null);
    }
    if (this.full(row)) this.close();
  }

  finish(): RowScan {
    this.close();
    for (const row of this.rows) row.lines.forEach((i) => this.used.add(i));
    return { rows: this.rows, used: this.used };
  }
}

export function scanRows(lines: SourceLine[], options: RowBuilderOptions): RowScan {
  const scanner = new RowScanner(options);
  for (const line of lines) {
    if (options.isEnd?.(line) || scanner.done) break;
    if (line.text.trim() === '') continue;
    scanner.feed(line);
  }
  return scanner.finish();
}
