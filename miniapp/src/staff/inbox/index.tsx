import { Picker, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { channelLabels, channels, DUE_SOON_WORKING_DAYS, phaseLabels, type Channel, type StaffInbox } from '@zwgk/shared';
import { useEffect, useRef, useState } from 'react';
import { loadCalendar } from '../../api/calendar';
import { cx, EmptyState, PageShell } from '../../components';
import { useData } from '../../hooks/use-data';
import { useLiveStatus, type LiveStatus } from '../../live';
import { openPage } from '../../navigation';
import { mayEditReport, mayKeepCalendar, mayRegister, maySupervise } from '../api/profile';
import { signOut, useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { InboxRow } from '../components/inbox-row';
import { defaultFilter, inboxQueries, listedPhases, type InboxFilter } from '../lib/inbox-filter';
import { hasMore, loadNextPage, loadRows, PAGE_SIZE, type InboxGroup } from '../lib/inbox-paging';
import './index.css';

const channelOptions: Array<{ value: Channel | 'any'; label: string }> = [{ value: 'any', label: '全部' }, ...channels.map((c) => ({ value: c, label: channelLabels[c].label }))];

/** Below this many rows the end of the list is plain to see: no "all shown" line. */
const END_LINE_FROM = 10;

const liveText: Record<LiveStatus, string> = { connecting: '正在连接…', live: '实时更新', polling: '每30秒自动刷新', offline: '连接中断，正在重连' };

// The inbox: every request of my body ordered by its legal deadline (the server sorts with the
// shared clock: earliest reply date first), overdue in red and due within 3 working days in amber.
// Both groups are paged (lib/inbox-paging.ts): the deadline list loads its next page when the
// list reaches the bottom (or "加载更多" is tapped), the new submissions with their own link.
export default function StaffInboxPage() {
  const profile = useStaffProfile();
  const [filter, setFilter] = useState<InboxFilter>(defaultFilter);
  const [moreBusy, setMoreBusy] = useState(false);
  const moreRunning = useRef(false);
  const live = useLiveStatus('staff');

  // A new filter and a pull-down start again from the first pages; other reloads (live update,
  // back to the page) reload as many rows as are listed.
  const listed = useData<{ main: StaffInbox; fresh?: InboxGroup }>(
    async ({ reason, current }) => {
      const count = (g?: InboxGroup) => (reason === 'again' && g ? g.items.length : 0);
      const queries = inboxQueries(filter, DUE_SOON_WORKING_DAYS);
      const [main, fresh] = await Promise.all([
        loadRows(staffEndpoints.inbox, queries.main, count(current?.main)),
        queries.fresh ? loadRows(staffEndpoints.inbox, queries.fresh, count(current?.fresh)) : undefined,
      ]);
      return { main, ...(fresh ? { fresh } : {}) };
    },
    [filter],
    { enabled: profile !== undefined, audience: 'staff', live: (e) => e.type !== 'ready', fallback: '加载失败' },
  );
  const inbox = listed.data?.main;
  const fresh = listed.data?.fresh;
  const error = listed.error;

  const loadMore = async (group: 'main' | 'fresh') => {
    const query = inboxQueries(filter, DUE_SOON_WORKING_DAYS)[group];
    if (moreRunning.current || !query || !hasMore(listed.data?.[group])) return;
    moreRunning.current = true;
    setMoreBusy(true);
    await listed.extend(async (shown) => ({ ...shown, [group]: await loadNextPage(staffEndpoints.inbox, query, shown[group]!) }));
    moreRunning.current = false;
    setMoreBusy(false);
  };

  useEffect(() => {
    // The console's forms suggest dates: have the server's calendar ready before one opens.
    if (profile) void loadCalendar();
  }, [profile]);

  useReachBottom(() => {
    void loadMore('main');
  });

  const set = (patch: Partial<InboxFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const counts = inbox?.counts;

  return (
    <PageShell className="staff-inbox">
      <View className="staff-inbox__head">
        <View className="staff-inbox__who">
          <Text className="staff-inbox__title">待办申请</Text>
          <Text className="staff-inbox__user">{profile ? `${profile.body.name} · ${profile.name}（${profile.roleLabel}）` : ''}</Text>
        </View>
        <Text className="staff-inbox__logout" onClick={() => void signOut()}>
          退出
        </Text>
      </View>

      {profile ? (
        <View className="staff-inbox__tools">
          {mayRegister(profile) ? (
            <Text className="staff-inbox__tool" onClick={() => openPage('staffRegister')}>
              登记来件
            </Text>
          ) : null}
          {maySupervise(profile) ? (
            <Text className="staff-inbox__tool" onClick={() => openPage('staffSupervision')}>
              督办
            </Text>
          ) : null}
          {mayEditReport(profile) ? (
            <Text className="staff-inbox__tool" onClick={() => openPage('staffReportEditor')}>
              年度报告
            </Text>
          ) : null}
          {mayKeepCalendar(profile) ? (
            <Text className="staff-inbox__tool" onClick={() => openPage('staffCalendar')}>
              节假日安排
            </Text>
          ) : null}
        </View>
      ) : null}

      <View className="staff-inbox__summary">
        <View className={cx('staff-inbox__stat', 'staff-inbox__stat--overdue', filter.urgent === 'overdue' && 'staff-inbox__stat--on')} onClick={() => set({ urgent: filter.urgent === 'overdue' ? 'none' : 'overdue' })}>
          <Text className="staff-inbox__stat-n">{counts?.overdue ?? '–'}</Text>
          <Text className="staff-inbox__stat-label">已超期</Text>
        </View>
        <View className={cx('staff-inbox__stat', 'staff-inbox__stat--soon', filter.urgent === 'dueSoon' && 'staff-inbox__stat--on')} onClick={() => set({ urgent: filter.urgent === 'dueSoon' ? 'none' : 'dueSoon' })}>
          <Text className="staff-inbox__stat-n">{counts?.dueSoon ?? '–'}</Text>
          <Text className="staff-inbox__stat-label">{`${DUE_SOON_WORKING_DAYS}个工作日内到期`}</Text>
        </View>
        <View className={cx('staff-inbox__stat', filter.mine && 'staff-inbox__stat--on')} onClick={() => set({ mine: !filter.mine })}>
          <Text className="staff-inbox__stat-n">{counts?.assignedToMe ?? '–'}</Text>
          <Text className="staff-inbox__stat-label">分给我的</Text>
        </View>
        <View className="staff-inbox__stat">
          <Text className="staff-inbox__stat-n">{counts?.open ?? '–'}</Text>
          <Text className="staff-inbox__stat-label">未办结</Text>
        </View>
      </View>

      <View className="staff-inbox__tabs">
        <Text className={cx('staff-inbox__tab', filter.scope === 'open' && 'staff-inbox__tab--on')} onClick={() => set({ scope: 'open' })}>
          {`未办结 ${counts?.open ?? ''}`}
        </Text>
        {/* Only the states that have requests (and the one chosen): a tab leading to nothing is noise. */}
        {listedPhases
          .filter((p) => (counts?.byPhase[p] ?? 0) > 0 || filter.scope === p)
          .map((p) => (
            <Text key={p} data-phase={p} className={cx('staff-inbox__tab', filter.scope === p && 'staff-inbox__tab--on')} onClick={() => set({ scope: p })}>
              {`${phaseLabels[p].staff} ${counts?.byPhase[p] ?? 0}`}
            </Text>
          ))}
        <Text className={cx('staff-inbox__tab', filter.scope === 'all' && 'staff-inbox__tab--on')} onClick={() => set({ scope: 'all' })}>
          全部
        </Text>
      </View>

      <Picker mode="selector" range={channelOptions.map((o) => o.label)} value={channelOptions.findIndex((o) => o.value === filter.channel)} onChange={(e) => set({ channel: channelOptions[Number(e.detail.value)]!.value })}>
        <View className={cx('staff-inbox__channel', filter.channel !== 'any' && 'staff-inbox__channel--on')}>
          <Text>{`提交渠道：${channelOptions.find((o) => o.value === filter.channel)!.label}`}</Text>
          <Text className="staff-inbox__caret">▾</Text>
        </View>
      </Picker>

      <View className="staff-inbox__status">
        <Text>{inbox ? `共 ${inbox.total + (fresh?.total ?? 0)} 件 · 按法定答复期限排序` : '正在加载…'}</Text>
        <Text className={cx('staff-inbox__live', `staff-inbox__live--${live}`)}>{liveText[live]}</Text>
      </View>

      {error ? <Text className="staff-inbox__error">{error}</Text> : null}

      {inbox && inbox.items.length === 0 && !fresh?.items.length ? <EmptyState title="没有符合条件的申请" description="下拉可刷新列表" /> : null}
      {fresh?.items.length ? <Text className="staff-inbox__group">{`新收申请 · 待确认受理（${fresh.total}）`}</Text> : null}
      {fresh?.items.map((item) => (
        <InboxRow key={item.id} item={item} showBody={profile?.countyWide} onOpen={(it) => openPage('staffRequest', { id: it.id })} />
      ))}
      {hasMore(fresh) ? (
        <Text className="staff-inbox__more staff-inbox__more--fresh" onClick={() => void loadMore('fresh')}>
          {moreBusy ? '正在加载…' : `再显示${Math.min(PAGE_SIZE, fresh!.total - fresh!.items.length)}件新收申请（还有${fresh!.total - fresh!.items.length}件）`}
        </Text>
      ) : null}
      {fresh?.items.length && inbox && inbox.items.length > 0 ? <Text className="staff-inbox__group">按答复期限</Text> : null}
      {inbox?.items.map((item) => (
        <InboxRow key={item.id} item={item} showBody={profile?.countyWide} onOpen={(it) => openPage('staffRequest', { id: it.id })} />
      ))}
      {inbox && hasMore(inbox) ? (
        // Keys: the footer is replaced, not updated in place (Taro's weapp DOM failed on the in-place update).
        <Text key="more" className="staff-inbox__more" onClick={() => void loadMore('main')}>
          {moreBusy ? '正在加载…' : `加载更多（已显示${inbox.items.length}件，共${inbox.total}件）`}
        </Text>
      ) : inbox && inbox.items.length > END_LINE_FROM ? (
        <Text key="end" className="staff-inbox__end">{`已显示全部${inbox.total}件`}</Text>
      ) : null}
    </PageShell>
  );
}
