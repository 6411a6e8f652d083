// The official plain-text layout, as reports are published and copied from the web:
// title, narrative, then the tables with tab-separated cells. Every table row has the same
// number of cells (labels padded with empty cells), so a reader can place a missing cell
// without guessing; an empty cell is a number the report does not give.

import { cornerNote, reportTitleSuffix, section2Blocks, section2Labels, section4ColumnLabels, sectionHeadings } from './labels';
import { printedRows } from './layout';
import { section4Blocks, section4Columns, type AnnualReport, type Cell, type Narrative } from './model';

export const cellText = (v: Cell): string => (v === null ? '' : String(v));

export function reportTitle(report: Pick<AnnualReport, 'year'>): string {
  return report.year === null ? reportTitleSuffix : `${report.year}年${reportTitleSuffix}`;
}

export function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

function section2Lines(report: AnnualReport): string[] {
  const lines: string[] = [];
  for (const block of section2Blocks) {
    lines.push(`${block.heading}\t\t\t`);
    const header = ['信息内容', ...block.columns];
    while (header.length < 4) header.push('');
    lines.push(header.join('\t'));
    for (const key of block.keys) {
      const value = report.section2[key];
      const cells = Array.isArray(value) ? value.map(cellText) : [cellText(value), '', ''];
      lines.push([section2Labels[key], ...cells].join('\t'));
    }
  }
  return lines;
}

function table3Lines(report: AnnualReport): string[] {
  const lines = [
    [cornerNote, '', '', '申请人情况', '', '', '', '', '', ''].join('\t'),
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'].join('\t'),
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''].join('\t'),
  ];
  for (const row of printedRows(report)) {
    const cells = report.rows[row.key] ?? [];
    lines.push([row.top, row.group, row.item, ...Array.from({ length: 7 }, (_, i) => cellText(cells[i] ?? null))].join('\t'));
  }
  return lines;
}

function section4Lines(report: AnnualReport): string[] {
  const five = section4Columns.map((c) => section4ColumnLabels[c]);
  return [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''].join('\t'),
    [...five, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''].join('\t'),
    ['', '', '', '', '', ...five, ...five].join('\t'),
    section4Blocks.flatMap((b) => Array.from({ length: 5 }, (_, i) => cellText(report.section4[b]?.[i] ?? null))).join('\t'),
  ];
}

export function renderText(report: AnnualReport): string {
  const out: string[] = [];
  const block = (...lines: string[]) => out.push(...lines, '');
  if (report.body) block(report.body);
  block(reportTitle(report));
  const narrative = (key: keyof Narrative) => {
    for (const p of paragraphs(report.narrative[key] ?? '')) block(p);
  };
  narrative('preamble');
  block(sectionHeadings[0]);
  narrative('section1');
  block(sectionHeadings[1]);
  narrative('section2');
  block(...section2Lines(report));
  block(sectionHeadings[2]);
  narrative('section3');
  block(...table3Lines(report));
  block(sectionHeadings[3]);
  narrative('section4');
  block(...section4Lines(report));
  block(sectionHeadings[4]);
  narrative('section5');
  block(sectionHeadings[5]);
  narrative('section6');
  return out.join('\n');
}
