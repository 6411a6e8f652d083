import { Text, View } from '@tarojs/components';
import type { CitizenRequestSummary } from '@zwgk/shared';
import { useEffect } from 'react';
import { requestsApi } from '../../api/citizen';
import { Card, DeadlineBadge, EmptyState, PageShell, PrimaryButton, StatusChip } from '../../components';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { useData } from '../../hooks/use-data';
import { openPage } from '../../navigation';
import { signInSilently } from '../../platform/sign-in';
import { byActivity, phaseTone, shortDate } from '../../requests/status';
import { ensureSignedIn, useSession } from '../../session';
import './index.css';

function RequestRow({ row }: { row: CitizenRequestSummary }) {
  const concluded = row.concludedOn !== null;
  return (
    <Card
      className={row.unread ? 'requests__row requests__row--unread' : 'requests__row'}
      title={row.subject}
      extra={<StatusChip label={row.stateLabel} tone={phaseTone(row.phase, row.overdue)} />}
      onClick={() => openPage('thread', { id: row.id })}
      footer={
        concluded ? (
          <Text className="requests__concluded">{`${shortDate(row.concludedOn!)}办结${row.outcomeLabel ? ` · ${row.outcomeLabel}` : ''}`}</Text>
        ) : row.workingDaysLeft !== null ? (
          <DeadlineBadge workingDaysLeft={row.workingDaysLeft} dueDate={row.dueOn ?? undefined} paused={row.paused} />
        ) : (
          <Text className="requests__waiting">{row.deadlineLabel ?? '等待机关确认收到申请'}</Text>
        )
      }
    >
      <View className="requests__meta">
        {row.unread ? <Text className="requests__dot">新消息</Text> : null}
        <Text>{`${row.bodyName} · ${row.number}`}</Text>
      </View>
    </Card>
  );
}

/** 我的申请: every request of the signed-in citizen with its status and legal deadline. */
export default function RequestsPage() {
  const session = useSession();
  const { data: rows, error, reload } = useData(async () => byActivity((await requestsApi.list()).items), [], {
    enabled: session.signedIn,
    live: (event) => event.type === 'request_changed' || event.type === 'notification' || event.type === 'message',
    fallback: '加载失败，请下拉重试',
  });

  useEffect(() => {
    if (!session.signedIn && signInSilently) void ensureSignedIn().catch(() => undefined);
  }, [session.signedIn]);

  if (!session.signedIn) {
    return (
      <PageShell title="我的申请">
        <SignInPrompt reason="登录后查看您提交的申请和办理进度" />
      </PageShell>
    );
  }

  return (
    <PageShell title="我的申请" subtitle="下拉可刷新；有新进展时会自动更新">
      {error ? (
        <View className="requests__error">
          <Text>{error}</Text>
          <Text className="requests__retry" onClick={() => void reload()}>
            重试
          </Text>
        </View>
      ) : null}
      {rows === undefined && !error ? <Text className="requests__loading">正在加载…</Text> : null}
      {rows?.length === 0 ? (
        <EmptyState title="您还没有提交过申请" description="一问一答，几分钟就能填好" action={<PrimaryButton onClick={() => openPage('file')}>申请政府信息公开</PrimaryButton>} />
      ) : null}
      {rows?.map((row) => <RequestRow key={row.id} row={row} />)}
    </PageShell>
  );
}
