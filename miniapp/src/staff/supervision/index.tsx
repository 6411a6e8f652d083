import { Text, View } from '@tarojs/components';
import { outcomeGroups } from '@zwgk/shared';
import { useState } from 'react';
import { Card, cx, EmptyState, OptionChips, PageShell } from '../../components';
import { useData } from '../../hooks/use-data';
import { openPage } from '../../navigation';
import { maySupervise } from '../api/profile';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { InboxRow } from '../components/inbox-row';
import { todayLegal } from '../lib/format';
import './index.css';

const fmt = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits).replace(/\.0$/, ''));

// 督办 for the head of the disclosure office (reviewer) and the county-wide admin: what is late
// or about to be, where (by department / body), how long handling takes, and this year's outcomes.
export default function StaffSupervisionPage() {
  const profile = useStaffProfile();
  const thisYear = Number(todayLegal().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data: view, error } = useData(() => staffEndpoints.supervision(year), [year], {
    enabled: profile !== undefined && maySupervise(profile),
    audience: 'staff',
    fallback: '加载失败',
  });

  if (profile && !maySupervise(profile)) {
    return (
      <PageShell title="督办">
        <EmptyState title="督办页面供公开工作机构负责人使用" description="您可以在待办列表中查看即将到期和已超期的申请。" />
      </PageShell>
    );
  }

  const open = (id: string) => openPage('staffRequest', { id });
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: `${y}年` }));

  return (
    <PageShell title="督办" subtitle={profile ? (profile.countyWide ? `${profile.countyName}各机关` : `${profile.body.name}各承办部门`) : undefined} className="staff-sup">
      {error ? <Text className="staff-sup__error">{error}</Text> : null}
      {!view ? (
        <Text>正在加载…</Text>
      ) : (
        <>
          <View className="staff-sup__stats">
            <View className="staff-sup__stat staff-sup__stat--overdue">
              <Text className="staff-sup__n">{view.overdue.length}</Text>
              <Text className="staff-sup__label">已超期</Text>
            </View>
            <View className="staff-sup__stat staff-sup__stat--soon">
              <Text className="staff-sup__n">{view.dueSoon.length}</Text>
              <Text className="staff-sup__label">{`${view.dueSoonWorkingDays}个工作日内到期`}</Text>
            </View>
            <View className="staff-sup__stat">
              <Text className="staff-sup__n">{fmt(view.handling.averageWorkingDays)}</Text>
              <Text className="staff-sup__label">平均办理工作日</Text>
            </View>
          </View>

          <Text className="staff-sup__section">{`已超期（${view.overdue.length}）`}</Text>
          {view.overdue.length === 0 ? <Text className="staff-sup__none">没有超期的申请</Text> : view.overdue.map((r) => <InboxRow key={r.id} item={r} showBody={profile?.countyWide} onOpen={() => open(r.id)} />)}

          <Text className="staff-sup__section">{`即将超时（${view.dueSoon.length}）`}</Text>
          {view.dueSoon.length === 0 ? <Text className="staff-sup__none">没有即将到期的申请</Text> : view.dueSoon.map((r) => <InboxRow key={r.id} item={r} showBody={profile?.countyWide} onOpen={() => open(r.id)} />)}

          <Card title={profile?.countyWide ? '各机关办理情况' : '各承办部门办理情况'}>
            <View className="staff-sup__table">
              <View className="staff-sup__tr staff-sup__tr--head">
                <Text className="staff-sup__td staff-sup__td--name">{profile?.countyWide ? '机关' : '承办部门'}</Text>
                <Text className="staff-sup__td">未办结</Text>
                <Text className="staff-sup__td">即将超时</Text>
                <Text className="staff-sup__td">已超期</Text>
              </View>
              {view.units.map((u) => (
                <View key={u.key} className="staff-sup__tr">
                  <Text className="staff-sup__td staff-sup__td--name">{u.label}</Text>
                  <Text className="staff-sup__td">{u.open}</Text>
                  <Text className={cx('staff-sup__td', u.dueSoon > 0 && 'staff-sup__td--soon')}>{u.dueSoon}</Text>
                  <Text className={cx('staff-sup__td', u.overdue > 0 && 'staff-sup__td--overdue')}>{u.overdue}</Text>
                </View>
              ))}
            </View>
          </Card>

          <Card title={`${view.year}年办理情况`}>
            <OptionChips options={years} value={String(year)} onChange={(v) => setYear(Number(v))} />
            <View className="staff-sup__kv">
              <Text>本年办结</Text>
              <Text>{`${view.handling.concluded} 件`}</Text>
            </View>
            <View className="staff-sup__kv">
              <Text>平均办理时间</Text>
              <Text>{view.handling.averageWorkingDays === null ? '本年尚无办结' : `${fmt(view.handling.averageWorkingDays)} 个工作日（${fmt(view.handling.averageCalendarDays)} 个自然日）`}</Text>
            </View>
            <View className="staff-sup__kv">
              <Text>按期答复 / 逾期答复</Text>
              <Text>{`${view.handling.onTime} / ${view.handling.late}`}</Text>
            </View>
          </Card>

          <Card title={`${view.year}年办理结果（年度报告表三口径）`}>
            {outcomeGroups.map(({ group, label }) => {
              const rows = view.outcomes.filter((o) => o.group === group);
              const total = rows.reduce((s, r) => s + r.count, 0);
              return (
                <View key={group} className="staff-sup__group">
                  <View className="staff-sup__kv staff-sup__kv--group">
                    <Text>{label}</Text>
                    <Text>{total}</Text>
                  </View>
                  {rows.length > 1
                    ? rows
                        .filter((r) => r.count > 0)
                        .map((r) => (
                          <View key={r.outcome} className="staff-sup__kv staff-sup__kv--item">
                            <Text className="staff-sup__item-label">{r.label}</Text>
                            <Text>{r.count}</Text>
                          </View>
                        ))
                    : null}
                </View>
              );
            })}
          </Card>
        </>
      )}
    </PageShell>
  );
}
