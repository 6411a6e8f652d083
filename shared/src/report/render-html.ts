// A printable HTML page with the official table layout: merged cells (rowspan/colspan) as
// in 国办公开办函〔2021〕30号, row and column headers marked with scope for screen readers.
// Every piece of text is escaped; the page has no scripts and no external resources.

import {
  cornerNote,
  section2Blocks,
  section2Labels,
  section4ColumnLabels,
  sectionHeadings,
} from './labels';
import { printedRows } from './layout';
import { section4Blocks, section4Columns, type AnnualReport, type Cell, type Narrative } from './model';
import { cellText, paragraphs, reportTitle } from './render-text';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== 1)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
const th = (text: string, a: Record<string, string | number | undefined> = {}) => `<th${attrs(a)}>${escapeHtml(text)}</th>`;
const td = (v: Cell, a: Record<string, string | number | undefined> = {}) =>
  v === null ? `<td${attrs({ ...a, class: 'missing' })}></td>` : `<td${attrs(a)}>${escapeHtml(cellText(v))}</td>`;

const style = `
@page { size: A4; margin: 2cm 1.8cm; }
body { font-family: "FangSong", "STFangsong", "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.6; color: #000; max-width: 60em; margin: 0 auto; padding: 1em; }
header { text-align: center; margin-bottom: 1.5em; }
header .body { font-size: 16pt; margin: 0; }
h1 { font-size: 18pt; margin: 0.3em 0; }
h2 { font-size: 14pt; margin: 1.2em 0 0.6em; }
p { text-indent: 2em; margin: 0.4em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; page-break-inside: avoid; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; }
th { font-weight: normal; }
td { text-align: center; min-width: 2.5em; }
thead th { text-align: center; }
tbody th { text-align: left; }
td.missing { background: repeating-linear-gradient(45deg, transparent, transparent 4px, #eee 4px, #eee 8px); }
@media print { body { max-width: none; padding: 0; } td.missing { background: none; } }
`.trim();

function section2Html(report: AnnualReport): string {
  return section2Blocks
    .map((b) => {
      const single = b.columns.length === 1;
      const head = `<tr>${th(b.heading, { colspan: 4, scope: 'colgroup' })}</tr><tr>${th('信息内容', { scope: 'col' })}${b.columns
        .map((c) => th(c, { scope: 'col', colspan: single ? 3 : undefined }))
        .join('')}</tr>`;
      const body = b.keys
        .map((key) => {
          const v = report.section2[key];
          const cells = Array.isArray(v) ? v.map((x) => td(x)).join('') : td(v, { colspan: 3 });
          return `<tr>${th(section2Labels[key], { scope: 'row' })}${cells}</tr>`;
        })
        .join('');
      return `<table class="section2"><thead>${head}</thead><tbody>${body}</tbody></table>`;
    })
    .join('\n');
}

function table3Html(report: AnnualReport): string {
  const head =
    `<tr>${th(cornerNote, { colspan: 3, rowspan: 3, class: 'corner' })}${th('申请人情况', { colspan: 7, scope: 'colgroup' })}</tr>` +
    `<tr>${th('自然人', { rowspan: 2, scope: 'col' })}${th('法人或其他组织', { colspan: 5, scope: 'colgroup' })}${th('总计', { rowspan: 2, scope: 'col' })}</tr>` +
    `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((c) => th(c, { scope: 'col' })).join('')}</tr>`;
  const body = printedRows(report)
    .map((row) => {
      const labels: string[] = [];
      if (row.group === '' && row.item === '' && row.topSpan === 1) {
        labels.push(th(row.top, { colspan: 3, scope: 'row' }));
      } else {
        if (row.topSpan > 0) labels.push(th(row.top, { rowspan: row.topSpan, scope: 'rowgroup' }));
        if (row.groupSpan > 0) {
          labels.push(row.item === '' ? th(row.group, { colspan: 2, scope: 'row' }) : th(row.group, { rowspan: row.groupSpan, scope: 'rowgroup' }));
        }
        if (row.item !== '') labels.push(th(row.item, { scope: 'row' }));
      }
      const cells = Array.from({ length: 7 }, (_, i) => td(report.rows[row.key]?.[i] ?? null)).join('');
      return `<tr data-row="${row.key}">${labels.join('')}${cells}</tr>`;
    })
    .join('\n');
  return `<table class="table3"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

function section4Html(report: AnnualReport): string {
  const five = section4Columns.map((c) => section4ColumnLabels[c]);
  const head =
    `<tr>${th('行政复议', { colspan: 5, scope: 'colgroup' })}${th('行政诉讼', { colspan: 10, scope: 'colgroup' })}</tr>` +
    `<tr>${five.map((c) => th(c, { rowspan: 2, scope: 'col' })).join('')}${th('未经复议直接起诉', { colspan: 5, scope: 'colgroup' })}${th('复议后起诉', { colspan: 5, scope: 'colgroup' })}</tr>` +
    `<tr>${[...five, ...five].map((c) => th(c, { scope: 'col' })).join('')}</tr>`;
  const cells = section4Blocks.flatMap((b) => Array.from({ length: 5 }, (_, i) => td(report.section4[b]?.[i] ?? null))).join('');
  return `<table class="section4"><thead>${head}</thead><tbody><tr>${cells}</tr></tbody></table>`;
}

export function renderHtml(report: AnnualReport): string {
  const title = reportTitle(report);
  const ps = (key: keyof Narrative) =>
    paragraphs(report.narrative[key] ?? '')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('\n');
  const section = (n: number, key: keyof Narrative, table = '') =>
    `<section>\n<h2>${escapeHtml(sectionHeadings[n]!)}</h2>\n${ps(key)}\n${table}\n</section>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${report.body ?? ''}${title}`)}</title>
<style>
${style}
</style>
</head>
<body>
<article class="annual-report">
<header>${report.body ? `<p class="body">${escapeHtml(report.body)}</p>` : ''}<h1>${escapeHtml(title)}</h1></header>
${ps('preamble')}
${section(0, 'section1')}
${section(1, 'section2', section2Html(report))}
${section(2, 'section3', table3Html(report))}
${section(3, 'section4', section4Html(report))}
${section(4, 'section5')}
${section(5, 'section6')}
</article>
</body>
</html>
`;
}
