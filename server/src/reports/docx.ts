// The report as a Word document (.docx — what offices post on their websites), built with the
// `docx` package: A4, the customary type of official documents (title in 小标宋, headings in
// 黑体, text in 仿宋_GB2312 三号 with a two-character indent), and tables 二/三/四 in the
// layout of 国办公开办函〔2021〕30号 with the merged header cells of the official form.
// Fonts are named, not embedded: Word substitutes when a font is missing.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  cornerNote,
  printedRows,
  section2Blocks,
  section2Labels,
  section4Blocks,
  section4ColumnLabels,
  section4Columns,
  sectionHeadings,
  type AnnualReport,
  type Cell,
  type Narrative,
} from '@zwgk/shared';

const FONT = { body: '仿宋_GB2312', heading: '黑体', title: '方正小标宋简体', table: '宋体', latin: 'Times New Roman' } as const;
const font = (eastAsia: string) => ({ eastAsia, ascii: FONT.latin, hAnsi: FONT.latin });
/** Half-points: 三号 16pt, 二号 22pt, 五号 10.5pt. */
const SIZE = { body: 32, title: 44, table: 21 } as const;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const cellText = (v: Cell) => (v === null ? '' : String(v));
const paragraphsOf = (text: string) =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(FONT.body), size: SIZE.body })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(FONT.heading), size: SIZE.body })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    keepNext: true,
  });
}

function cell(text: string, options: { rowSpan?: number; columnSpan?: number; header?: boolean; align?: 'left' | 'center' } = {}): TableCell {
  const run: IRunOptions = { text, font: font(FONT.table), size: SIZE.table, ...(options.header ? { bold: false } : {}) };
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun(run)], alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER })],
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
    ...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
function table(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

const spread = (total: number, first: number[], n: number) => {
  const rest = Math.floor((total - first.reduce((a, b) => a + b, 0)) / n);
  return [...first, ...Array.from({ length: n }, () => rest)];
};

/** Table 二: the four blocks of 第二十条 in one four-column table. */
export function section2Table(report: AnnualReport): Table {
  const rows: TableRow[] = [];
  for (const block of section2Blocks) {
    rows.push(new TableRow({ children: [cell(block.heading, { columnSpan: 4 })], cantSplit: true }));
    const single = block.columns.length === 1;
    rows.push(new TableRow({ children: [cell('信息内容'), ...block.columns.map((c) => cell(c, single ? { columnSpan: 3 } : {}))], cantSplit: true }));
    for (const key of block.keys) {
      const v = report.section2[key];
      const cells = Array.isArray(v) ? v.map((x) => cell(cellText(x))) : [cell(cellText(v), { columnSpan: 3 })];
      rows.push(new TableRow({ children: [cell(section2Labels[key]), ...cells], cantSplit: true }));
    }
  }
  return table(rows, spread(CONTENT_WIDTH, [2400], 3));
}

/** Table 三: three label columns (merged as on the form) and the seven applicant columns. */
export function table3Table(report: AnnualReport): Table {
  const head = [
    new TableRow({ tableHeader: true, cantSplit: true, children: [cell(cornerNote, { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 7 })] }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })] }),
    new TableRow({ tableHeader: true, cantSplit: true, children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((c) => cell(c)) }),
  ];
  const body = printedRows(report).map((row) => {
    const labels: TableCell[] = [];
    if (row.group === '' && row.item === '' && row.topSpan === 1) {
      labels.push(cell(row.top, { columnSpan: 3, align: 'left' }));
    } else {
      if (row.topSpan > 0) labels.push(cell(row.top, { rowSpan: row.topSpan }));
      if (row.groupSpan > 0) labels.push(row.item === '' ? cell(row.group, { columnSpan: 2, align: 'left' }) : cell(row.group, { rowSpan: row.groupSpan, align: 'left' }));
      if (row.item !== '') labels.push(cell(row.item, { align: 'left' }));
    }
    const values = Array.from({ length: 7 }, (_, i) => cell(cellText(report.rows[row.key]?.[i] ?? null)));
    return new TableRow({ children: [...labels, ...values], cantSplit: true });
  });
  return table([...head, ...body], spread(CONTENT_WIDTH, [900, 1100, 2300], 7));
}

/** Table 四: 行政复议 (5) and 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5). */
export function section4Table(report: AnnualReport): Table {
  const five = section4Columns.map((c) => section4ColumnLabels[c]);
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })] }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [...five.map((c) => cell(c, { rowSpan: 2 })), cell('未经复议直接起诉', { columnSpan: 5 }), cell('复议后起诉', { columnSpan: 5 })] }),
    new TableRow({ tableHeader: true, cantSplit: true, children: [...five, ...five].map((c) => cell(c)) }),
    new TableRow({ cantSplit: true, children: section4Blocks.flatMap((b) => Array.from({ length: 5 }, (_, i) => cell(cellText(report.section4[b]?.[i] ?? null)))) }),
  ];
  return table(rows, spread(CONTENT_WIDTH, [], 15));
}

export interface DocxOptions {
  /** e.g. '2024-01-20 发布' or '2024-03-01 更正'; printed under the title. */
  dateLine?: string;
}

export async function renderDocx(report: AnnualReport, options: DocxOptions = {}): Promise<Buffer> {
  const title = `${report.year ?? ''}年政府信息公开工作年度报告`;
  const children: Array<Paragraph | Table> = [];
  const centered = (text: string, size: number, face: string) =>
    new Paragraph({ children: [new TextRun({ text, font: font(face), size })], alignment: AlignmentType.CENTER, spacing: { line: 640, lineRule: 'exact' } });
  if (report.body) children.push(centered(report.body, SIZE.title, FONT.title));
  children.push(centered(title, SIZE.title, FONT.title));
  if (options.dateLine) children.push(centered(options.dateLine, SIZE.body, FONT.body));
  children.push(new Paragraph({ children: [] }));
  const narrative = (key: keyof Narrative) => paragraphsOf(report.narrative[key] ?? '').forEach((p) => children.push(bodyParagraph(p)));
  const gap = () => children.push(new Paragraph({ children: [] }));
  narrative('preamble');
  children.push(heading(sectionHeadings[0]));
  narrative('section1');
  children.push(heading(sectionHeadings[1]));
  narrative('section2');
  children.push(section2Table(report));
  gap();
  children.push(heading(sectionHeadings[2]));
  narrative('section3');
  children.push(table3Table(report));
  gap();
  children.push(heading(sectionHeadings[3]));
  narrative('section4');
  children.push(section4Table(report));
  gap();
  children.push(heading(sectionHeadings[4]));
  narrative('section5');
  children.push(heading(sectionHeadings[5]));
  narrative('section6');

  const doc = new Document({
    creator: '政务公开助手',
    title: `${report.body ?? ''}${title}`,
    description: '政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）',
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
