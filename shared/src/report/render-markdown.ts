// Markdown rendering (GitHub tables). Markdown cannot merge cells, so each table-三 row
// carries its full label, and table 四 is printed as three rows of five columns.

import {
  cornerNote,
  rowLabel,
  section2Blocks,
  section2Labels,
  section4BlockLabels,
  section4ColumnLabels,
  sectionHeadings,
  table3ColumnLabels,
  topRowLabels,
} from './labels';
import { printedRowKeys } from './layout';
import { section4Blocks, section4Columns, type AnnualReport, type Narrative } from './model';
import { cellText, paragraphs, reportTitle } from './render-text';

/** Text inside a table cell: pipes escaped, no line breaks. */
const inCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(header: string[], rows: string[][], numericFrom: number): string[] {
  return [
    `| ${header.map(inCell).join(' | ')} |`,
    `|${header.map((_, i) => (i >= numericFrom ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(inCell).join(' | ')} |`),
  ];
}

export function renderMarkdown(report: AnnualReport): string {
  const out: string[] = [];
  const block = (...lines: string[]) => out.push(...lines, '');
  block(`# ${report.body ? `${report.body} ` : ''}${reportTitle(report)}`);
  const narrative = (key: keyof Narrative) => {
    for (const p of paragraphs(report.narrative[key] ?? '')) block(p);
  };
  narrative('preamble');
  block(`## ${sectionHeadings[0]}`);
  narrative('section1');

  block(`## ${sectionHeadings[1]}`);
  narrative('section2');
  for (const b of section2Blocks) {
    const rows = b.keys.map((key) => {
      const v = report.section2[key];
      return [section2Labels[key], ...(Array.isArray(v) ? v.map(cellText) : [cellText(v)])];
    });
    block(...table([`${b.heading} 信息内容`, ...b.columns], rows, 1));
  }

  block(`## ${sectionHeadings[2]}`);
  narrative('section3');
  block(cornerNote);
  const rows = printedRowKeys(report).map((key) => {
    const label = key === 'open' ? `${topRowLabels.results} ${rowLabel(key)}` : rowLabel(key);
    return [label, ...Array.from({ length: 7 }, (_, i) => cellText(report.rows[key]?.[i] ?? null))];
  });
  block(...table(['项目', ...table3ColumnLabels], rows, 1));

  block(`## ${sectionHeadings[3]}`);
  narrative('section4');
  block(
    ...table(
      ['项目', ...section4Columns.map((c) => section4ColumnLabels[c])],
      section4Blocks.map((b) => [section4BlockLabels[b], ...Array.from({ length: 5 }, (_, i) => cellText(report.section4[b]?.[i] ?? null))]),
      1,
    ),
  );

  block(`## ${sectionHeadings[4]}`);
  narrative('section5');
  block(`## ${sectionHeadings[5]}`);
  narrative('section6');
  return out.join('\n');
}
