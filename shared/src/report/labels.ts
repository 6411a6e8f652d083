// Printed labels of the report's tables (国办公开办函〔2021〕30号), and the short names
// the checker uses in its messages.

import { applicantTypes } from '../applicants';
import { outcome, outcomeGroups, outcomeKeys, type OutcomeGroup, type OutcomeKey } from '../outcomes';
import {
  documentColumns,
  table3Columns,
  type DocumentColumn,
  type RowKey,
  type Section2Key,
  type Section4Block,
  type Section4Column,
  type StandardRowKey,
  type Table3Column,
} from './model';

export const reportTitleSuffix = '政府信息公开工作年度报告';

export const sectionHeadings = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const cornerNote = '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)';

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Printed group headings of the outcome rows: （一）予以公开 … （六）其他处理. */
export function groupHeading(group: OutcomeGroup): string {
  const index = outcomeGroups.findIndex((g) => g.group === group);
  const label = outcomeGroups[index]!.label;
  return group === 'partial' ? `（二）${label}（区分处理的，只计这一情形，不计其他情形）` : `（${chineseOrdinals[index]}）${label}`;
}

export const totalHeading = '（七）总计';
export const otherSingleHeading = '（六）其他处理';

export const topRowLabels = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  carried_out: '四、结转下年度继续办理',
} as const;

/** Groups with numbered items (1.…) under a group heading. */
export function isItemised(group: OutcomeGroup): boolean {
  return group !== 'open' && group !== 'partial';
}

/** "1.属于国家秘密": the item label of an outcome inside its group. */
export function itemLabel(key: OutcomeKey): string {
  const o = outcome(key);
  const siblings = outcomeGroupKeys(o.group);
  return `${siblings.indexOf(key) + 1}.${o.label}`;
}

export function outcomeGroupKeys(group: OutcomeGroup): OutcomeKey[] {
  return outcomeKeys.filter((k) => outcome(k).group === group);
}

/** Official printed label of a row, group and item joined ("（三）不予公开 1.属于国家秘密"). */
export function rowLabel(key: RowKey): string {
  if (key === 'new' || key === 'carried_in' || key === 'carried_out') return topRowLabels[key];
  if (key === 'total') return totalHeading;
  if (key === 'other_single') return otherSingleHeading;
  const o = outcome(key);
  return isItemised(o.group) ? `${groupHeading(o.group)} ${itemLabel(key)}` : groupHeading(o.group);
}

/** Short name for messages ("新收", "部分公开", "不予公开·保护第三方合法权益"). */
export function rowShortName(key: RowKey): string {
  switch (key) {
    case 'new':
      return '新收';
    case 'carried_in':
      return '上年结转';
    case 'total':
      return '总计';
    case 'carried_out':
      return '结转下年';
    case 'other_single':
      return '其他处理（单行）';
    case 'other_no_correction':
      return '其他处理·逾期不补正';
    case 'other_unpaid_fee':
      return '其他处理·逾期未缴费';
    default: {
      const o = outcome(key);
      const group = outcomeGroups.find((g) => g.group === o.group)!.label;
      return isItemised(o.group) ? `${group}·${o.label}` : group;
    }
  }
}

export function table3ColumnLabel(column: Table3Column): string {
  if (column === 'total') return '总计';
  return applicantTypes.find((a) => a.key === column)!.label;
}

export const table3ColumnLabels: string[] = table3Columns.map(table3ColumnLabel);

export const section4BlockLabels: Record<Section4Block, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
};

export const section4ColumnLabels: Record<Section4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const section2Labels: Record<Section2Key, string> = {
  rules: '规章',
  normative_docs: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees_wan_yuan: '行政事业性收费',
};

export const documentColumnLabels: Record<DocumentColumn, string> = {
  issued: '本年制发件数',
  abolished: '本年废止件数',
  in_force: '现行有效件数',
};
export const documentColumnLabelList = documentColumns.map((c) => documentColumnLabels[c]);

/** The four blocks of section 二 as printed. */
export const section2Blocks = [
  { heading: '第二十条第（一）项', columns: documentColumnLabelList, keys: ['rules', 'normative_docs'] },
  { heading: '第二十条第（五）项', columns: ['本年处理决定数量'], keys: ['licensing'] },
  { heading: '第二十条第（六）项', columns: ['本年处理决定数量'], keys: ['punishment', 'coercion'] },
  { heading: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], keys: ['fees_wan_yuan'] },
] as const satisfies ReadonlyArray<{ heading: string; columns: readonly string[]; keys: readonly Section2Key[] }>;

export function isStandardRow(key: RowKey): key is StandardRowKey {
  return key !== 'other_single';
}
