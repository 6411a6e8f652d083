import { Text, View } from '@tarojs/components';
import type { ReportView } from '../../api/citizen';
import { Card } from '../../components';
import { outcomeBreakdown } from './data';
import './highlights.css';

const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

/** The headline figures of a year (the ones on the share card) and how requests ended. */
export function Highlights({ view }: { view: ReportView }) {
  const f = view.figures;
  const onTime = f['requests.on_time'];
  const base = f['requests.on_time_base'];
  const rate = onTime !== null && onTime !== undefined && base ? `${Math.round((onTime / base) * 100)}%` : null;
  const tiles: Array<[string, string]> = [
    ['本年新收申请', num(f['requests.new'])],
    ['本年办结', num(f['requests.concluded'])],
    ['结转下年', num(f['requests.carried_out'])],
    ['行政复议', num(f['cases.review'])],
    ['行政诉讼', num(f['cases.litigation'])],
    ...(rate ? ([['按期答复率', rate]] as Array<[string, string]>) : []),
  ];
  const outcomes = outcomeBreakdown(view.report);
  const concluded = outcomes.reduce((a, o) => a + (o.count ?? 0), 0);
  return (
    <Card title={`${view.year}年度 主要数据`} className="highlights">
      <View className="highlights__tiles">
        {tiles.map(([label, value]) => (
          <View key={label} className="highlights__tile">
            <Text className="highlights__value">{value}</Text>
            <Text className="highlights__label">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="highlights__subtitle">办理结果</Text>
      {outcomes.map((o) => (
        <View key={o.group} className="highlights__bar-row">
          <Text className="highlights__bar-label">{o.label}</Text>
          <View className="highlights__bar-track">
            <View className="highlights__bar" style={{ width: `${concluded > 0 && o.count ? Math.max(2, (o.count / concluded) * 100) : 0}%` }} />
          </View>
          <Text className="highlights__bar-value">{num(o.count)}</Text>
        </View>
      ))}
    </Card>
  );
}
