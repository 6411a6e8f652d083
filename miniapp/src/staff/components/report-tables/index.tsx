import { Text, View } from '@tarojs/components';
import {
  printedRows,
  rowShortName,
  section4BlockLabels,
  section4Blocks,
  section4ColumnLabels,
  section4Columns,
  table3ColumnLabels,
  table3Columns,
  type AnnualReport,
  type RowKey,
} from '@zwgk/shared';
import { cx } from '../../../components';
import './report-tables.css';

const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** Short row names ("不予公开·属于国家秘密") so the 7 columns fit a phone without sideways scrolling. */
const rowName = (key: RowKey) => rowShortName(key);

/** Table 三 (requests by applicant type and outcome), cells named by a rule highlighted. */
export function Table3({ report, failing }: { report: AnnualReport; failing: Set<string> }) {
  return (
    <View className="st-rt">
      <View className="st-rt__table">
        <View className="st-rt__tr st-rt__tr--head">
          <Text className="st-rt__th st-rt__name">项目</Text>
          {table3ColumnLabels.map((l) => (
            <Text key={l} className="st-rt__th">
              {l}
            </Text>
          ))}
        </View>
        {printedRows(report).map((r) => (
          <View key={r.key} className={cx('st-rt__tr', r.groupSpan > 0 && 'st-rt__tr--group-start')}>
            <Text className="st-rt__td st-rt__name">{rowName(r.key)}</Text>
            {table3Columns.map((c, i) => (
              <Text key={c} data-cell={`table3:${r.key}:${c}`} className={cx('st-rt__td', failing.has(`table3:${r.key}:${c}`) && 'st-rt__td--bad')}>
                {show(report.rows[r.key]?.[i])}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** Table 四 (reconsideration and litigation). */
export function Table4({ report, failing }: { report: AnnualReport; failing: Set<string> }) {
  return (
    <View className="st-rt">
      <View className="st-rt__table">
        <View className="st-rt__tr st-rt__tr--head">
          <Text className="st-rt__th st-rt__name">类别</Text>
          {section4Columns.map((c) => (
            <Text key={c} className="st-rt__th">
              {section4ColumnLabels[c]}
            </Text>
          ))}
        </View>
        {section4Blocks.map((b) => (
          <View key={b} className="st-rt__tr">
            <Text className="st-rt__td st-rt__name">{section4BlockLabels[b]}</Text>
            {section4Columns.map((c, i) => (
              <Text key={c} data-cell={`section4:${b}:${c}`} className={cx('st-rt__td', failing.has(`section4:${b}:${c}`) && 'st-rt__td--bad')}>
                {show(report.section4[b]?.[i])}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}
