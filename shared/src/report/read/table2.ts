// Section 二's four small tables (第二十条第（一）（五）（六）（八）项).

import { section2Labels } from '../labels';
import { emptySection2, type Section2, type Section2Key } from '../model';
import { canon, resolveSlots, type SourceLine } from './lines';
import { scanRows } from './rows';

export interface Section2Read {
  section2: Section2;
  found: number;
  used: Set<number>;
  issues: string[];
}

export function classifySection2Label(label: string): Section2Key | null {
  const c = canon(label);
  if (c.includes('事业性收费')) return 'fees_wan_yuan';
  if (c.includes('规范性文件')) return 'normative_docs';
  if (/规章(?!制度)/.test(c)) return 'rules';
  if (c.includes('行政许可')) return 'licensing';
  if (c.includes('行政处罚')) return 'punishment';
  if (c.includes('行政强制')) return 'coercion';
  return null;
}

const widthOf = (key: Section2Key | null) => (key === 'rules' || key === 'normative_docs' || key === null ? 3 : 1);

/** The own label decides the row; lead fragments are headings ("信息内容 本年处理决定数量"). */
function keyOf(lead: string[], own: string): Section2Key | null {
  return classifySection2Label(own) ?? classifySection2Label(lead[lead.length - 1] ?? '');
}

const isHeading = (label: string) => /第二十条|信息内容|本年制发|本年废止|现行有效|处理决定数量|收费金额/.test(canon(label));

export function section2Start(lines: SourceLine[]): number {
  return lines.findIndex((l) => canon(l.text).includes('第二十条') || classifySection2Label(l.text) !== null);
}

export function readSection2(lines: SourceLine[], isEnd: (line: SourceLine) => boolean): Section2Read {
  const issues: string[] = [];
  const section2 = emptySection2();
  const start = section2Start(lines);
  if (start < 0) return { section2, found: 0, used: new Set(), issues: ['找不到第二部分（主动公开政府信息情况）的表格'] };
  if (lines.slice(start).some((l) => /新制作数量|新公开数量|对外公开总数量|上一年项目数量|本年增\/?减/.test(canon(l.text)))) {
    // 2019 format: its columns (新制作/新公开/对外公开总数量, 上一年项目数量/本年增减) are not the 2021 ones.
    return {
      section2,
      found: 1,
      used: new Set(lines.slice(start).filter((l) => l.text.trim() !== '').map((l) => l.index)),
      issues: ['第二部分是2019年格式（本年新制作数量、本年新公开数量、对外公开总数量等），栏目与2021年格式不同，未读入数字'],
    };
  }
  const seen = new Set<Section2Key>();
  const scan = scanRows(lines.slice(start), {
    width: (label) => widthOf(classifySection2Label(label)),
    isRowLabel: (label) => classifySection2Label(label) !== null,
    isHeader: (label) => isHeading(label) && classifySection2Label(label) === null,
    isEnd,
    isLast: (row) => keyOf(row.lead, row.own) === 'fees_wan_yuan',
  });
  let found = 0;
  for (const row of scan.rows) {
    const key = keyOf(row.lead, row.own);
    if (key === null) {
      issues.push(`第二部分有一行无法识别，已忽略：“${[...row.lead, row.own].join(' ').slice(0, 40)}”`);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    found++;
    const width = widthOf(key);
    // Section 二's values start right after the label, so an empty cell keeps its place.
    const anchor = row.mode === 'space' ? 'free' : 'left';
    const resolved = resolveSlots(row.slots, width, { anchor });
    const label = section2Labels[key];
    if (resolved.problem) issues.push(`第二部分“${label}”${resolved.problem}`);
    if (resolved.placeholders.length > 0) issues.push(`第二部分“${label}”有占位符（${resolved.placeholders.join('、')}），按空格处理`);
    if (key === 'rules' || key === 'normative_docs') section2[key] = resolved.values;
    else section2[key] = resolved.values[0] ?? null;
    if (resolved.values.some((v) => v === null) && !resolved.problem && resolved.placeholders.length === 0) {
      issues.push(`第二部分“${label}”有空单元格`);
    }
  }
  for (const key of Object.keys(section2Labels) as Section2Key[]) {
    if (!seen.has(key)) issues.push(`第二部分缺少“${section2Labels[key]}”行`);
  }
  return { section2, found, used: scan.used, issues };
}
