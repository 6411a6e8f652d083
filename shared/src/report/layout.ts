// The printed row structure of table 三, shared by the renderers: which rows are printed,
// and the top / group / item label each row shows (a blank where the official form merges
// the cell with the one above).

import { outcome, type OutcomeGroup } from '../outcomes';
import { groupHeading, isItemised, itemLabel, otherSingleHeading, topRowLabels, totalHeading } from './labels';
import { standardRowKeys, type AnnualReport, type RowKey } from './model';

export interface PrintedRow {
  key: RowKey;
  /** 一、… / 三、本年度办理结果 / 四、…: shown on the first row of its span only. */
  top: string;
  /** （一）予以公开 … （七）总计: shown on the first row of its group only. */
  group: string;
  /** 1.属于国家秘密 …; '' for rows without items. */
  item: string;
  /** Rows spanned by this row's top label (1 unless it is 三、本年度办理结果). */
  topSpan: number;
  /** Rows spanned by this row's group label (0 when merged into the row above). */
  groupSpan: number;
}

/** The 2019 single （六）其他处理 row replaces the three rows when they are empty. */
export function printedRowKeys(report: Pick<AnnualReport, 'rows'>): RowKey[] {
  const rows = report.rows;
  const threeEmpty = (['other_no_correction', 'other_unpaid_fee', 'other_misc'] as const).every((k) => (rows[k] ?? []).every((v) => v === null));
  const keys: RowKey[] = [];
  for (const key of standardRowKeys) {
    if (key.startsWith('other_') && rows.other_single && threeEmpty) continue;
    if (key === 'total' && rows.other_single) keys.push('other_single');
    keys.push(key);
  }
  return keys;
}

function groupOf(key: RowKey): OutcomeGroup | 'single' | 'total' | null {
  if (key === 'new' || key === 'carried_in' || key === 'carried_out') return null;
  if (key === 'total') return 'total';
  if (key === 'other_single') return 'single';
  return outcome(key).group;
}

export function printedRows(report: Pick<AnnualReport, 'rows'>): PrintedRow[] {
  const keys = printedRowKeys(report);
  const resultKeys = keys.filter((k) => groupOf(k) !== null);
  const out: PrintedRow[] = [];
  let previousGroup: string | null = null;
  for (const key of keys) {
    const group = groupOf(key);
    if (group === null) {
      out.push({ key, top: topRowLabels[key as 'new' | 'carried_in' | 'carried_out'], group: '', item: '', topSpan: 1, groupSpan: 1 });
      previousGroup = null;
      continue;
    }
    const first = key === resultKeys[0];
    let groupText = '';
    let item = '';
    if (group === 'total') groupText = totalHeading;
    else if (group === 'single') groupText = otherSingleHeading;
    else {
      groupText = groupHeading(group);
      if (isItemised(group)) item = itemLabel(key as Exclude<RowKey, 'new' | 'carried_in' | 'carried_out' | 'total' | 'other_single'>);
    }
    const groupId = group === 'single' ? 'single' : group;
    const groupSpan = groupId === previousGroup ? 0 : resultKeys.filter((k) => groupOf(k) === group).length;
    out.push({
      key,
      top: first ? topRowLabels.results : '',
      group: groupSpan === 0 ? '' : groupText,
      item,
      topSpan: first ? resultKeys.length : 0,
      groupSpan,
    });
    previousGroup = groupId;
  }
  return out;
}
