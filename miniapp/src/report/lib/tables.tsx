import { Text, View } from '@tarojs/components';
import {
  documentColumnLabelList,
  printedRows,
  section2Labels,
  section4BlockLabels,
  section4Blocks,
  section4ColumnLabels,
  section4Columns,
  table3ColumnLabels,
  table3Columns,
  type AnnualReport,
  type ReportJson,
} from '@zwgk/shared';
import { useState } from 'react';
import { Card, OptionChips } from '../../components';
import './tables.css';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** 二、主动公开政府信息情况 (第二十条第（一）（五）（六）（八）项). */
export function Section2Table({ report }: { report: ReportJson }) {
  const s = report.section2;
  return (
    <Card title="二、主动公开政府信息情况" className="rtable">
      {(['rules', 'normative_docs'] as const).map((key) => (
        <View key={key} className="rtable__block">
          <Text className="rtable__block-title">{section2Labels[key]}</Text>
          <View className="rtable__tiles">
            {documentColumnLabelList.map((label, i) => (
              <View key={label} className="rtable__tile">
                <Text className="rtable__tile-value">{num(s[key][i])}</Text>
                <Text className="rtable__tile-label">{label}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {(['licensing', 'punishment', 'coercion'] as const).map((key) => (
        <View key={key} className="rtable__row">
          <Text className="rtable__label">{`${section2Labels[key]} 本年处理决定数量`}</Text>
          <Text className="rtable__value">{num(s[key])}</Text>
        </View>
      ))}
      <View className="rtable__row">
        <Text className="rtable__label">{`${section2Labels.fees_wan_yuan} 本年收费金额（万元）`}</Text>
        <Text className="rtable__value">{num(s.fees_wan_yuan)}</Text>
      </View>
    </Card>
  );
}

/**
 * 三、收到和处理政府信息公开申请情况 — every row of the official table; the seven columns
 * (six applicant types and 总计) are one tap apart, which a phone can show legibly.
 */
export function Table3({ report }: { report: ReportJson }) {
  const [column, setColumn] = useState<string>('total');
  const index = table3Columns.indexOf(column as (typeof table3Columns)[number]);
  const options = table3Columns.map((c, i) => ({ value: c as string, label: table3ColumnLabels[i]! }));
  return (
    <Card title="三、收到和处理政府信息公开申请情况" className="rtable">
      <Text className="rtable__hint">申请人类型：</Text>
      <OptionChips options={options} value={column} onChange={setColumn} />
      {printedRows(report as Pick<AnnualReport, 'rows'>).map((row) => {
        // The official table merges the 三、… and group cells over their rows; on a phone they
        // become heading lines above the rows they cover.
        const headings = [row.key !== 'new' && row.key !== 'carried_in' && row.key !== 'carried_out' ? row.top : '', row.item ? row.group : ''].filter(Boolean);
        const label = row.item || (headings.includes(row.top) ? row.group : row.top || row.group);
        return (
          <View key={row.key}>
            {headings.map((h) => (
              <Text key={h} className="rtable__heading">
                {h}
              </Text>
            ))}
            <View className={row.item ? 'rtable__row rtable__row--item' : 'rtable__row'}>
              <Text className="rtable__label">{label}</Text>
              <Text className="rtable__value">{num(report.rows[row.key]?.[index])}</Text>
            </View>
          </View>
        );
      })}
    </Card>
  );
}

/** 四、政府信息公开行政复议、行政诉讼情况. */
export function Section4Table({ report }: { report: ReportJson }) {
  return (
    <Card title="四、政府信息公开行政复议、行政诉讼情况" className="rtable">
      {section4Blocks.map((block) => (
        <View key={block} className="rtable__block">
          <Text className="rtable__block-title">{section4BlockLabels[block]}</Text>
          <View className="rtable__tiles">
            {section4Columns.map((col, i) => (
              <View key={col} className="rtable__tile">
                <Text className="rtable__tile-value">{num(report.section4[block][i])}</Text>
                <Text className="rtable__tile-label">{section4ColumnLabels[col]}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </Card>
  );
}
