// The human-readable result of `report check`: the tables as read, what the reader noticed,
// and every rule with each of its failures.

import {
  rowShortName,
  section2Labels,
  section4BlockLabels,
  section4ColumnLabels,
  table3ColumnLabels,
} from './labels';
import { printedRowKeys } from './layout';
import { section2DocumentKeys, section2SingleKeys, section4Blocks, section4Columns, type AnnualReport, type Cell } from './model';
import { ruleIds, type CheckResult } from './rules';
import { reportTitle } from './render-text';

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

function grid(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].map((l) => `  ${l.trimEnd()}`);
}

export function renderCheck(report: AnnualReport, checks: CheckResult, issues: string[]): string {
  const out: string[] = [];
  // The legend explains □, so it is printed only when a □ was.
  let missingCells = 0;
  const show = (v: Cell) => {
    if (v !== null) return String(v);
    missingCells++;
    return '□';
  };
  out.push(`${report.body ?? '（机关名称未知）'} ${report.year === null ? '（年度未知）' : reportTitle(report)}`, '');

  out.push('二、主动公开政府信息情况');
  out.push(
    ...grid(
      ['', '本年制发', '本年废止', '现行有效'],
      section2DocumentKeys.map((k) => [section2Labels[k], ...report.section2[k].map(show)]),
    ),
  );
  out.push(...grid(['', '数量'], section2SingleKeys.map((k) => [section2Labels[k] + (k === 'fees_wan_yuan' ? '（万元）' : ''), show(report.section2[k])])));
  out.push('');

  out.push('三、收到和处理政府信息公开申请情况');
  out.push(...grid(['', ...table3ColumnLabels], printedRowKeys(report).map((key) => [rowShortName(key), ...Array.from({ length: 7 }, (_, i) => show(report.rows[key]?.[i] ?? null))])));
  out.push('');

  out.push('四、政府信息公开行政复议、行政诉讼情况');
  out.push(...grid(['', ...section4Columns.map((c) => section4ColumnLabels[c])], section4Blocks.map((b) => [section4BlockLabels[b], ...Array.from({ length: 5 }, (_, i) => show(report.section4[b]?.[i] ?? null))])));
  if (missingCells > 0) out.push('  （□ 表示报告中缺少的单元格）');
  out.push('');

  if (issues.length > 0) {
    out.push('读取时注意到：');
    for (const issue of issues) out.push(`  - ${issue}`);
    out.push('');
  }

  out.push('检查结果：');
  const names: Record<string, string> = {
    R1: '各列 新收 + 上年结转 = 总计 + 结转下年',
    R2: '各行 总计 = 各类申请人之和',
    R3: '各列 总计 = 各办理结果之和',
    R4: '行政复议 总计 = 维持 + 纠正 + 其他 + 尚未审结',
    R5: '行政诉讼（直接起诉）总计 = 各结果之和',
    R6: '行政诉讼（复议后起诉）总计 = 各结果之和',
    F1: '2021年格式的行齐全、单元格已填写',
    X: '上年结转 = 上年度报告的结转下年度继续办理',
    N1: '正文引用的数字与表格一致',
  };
  for (const id of ruleIds) {
    const r = checks[id];
    const mark = r.ok === true ? '通过' : r.ok === false ? `不符（${r.failures.length}处）` : '无法核对';
    out.push(`  ${padEnd(id, 3)} ${padEnd(mark, 12)} ${names[id]}`);
    for (const f of r.failures) out.push(`      ✗ ${f.message}`);
    if (r.ok === null && r.skipped) out.push(`      – ${r.skipped}`);
  }
  const broken = ruleIds.filter((id) => checks[id].ok === false);
  out.push('', broken.length === 0 ? '结论：没有发现违反勾稽关系的地方。' : `结论：${broken.join('、')} 不符，请更正后再发布。`);
  return out.join('\n');
}
