import { Text, View } from '@tarojs/components';
import { notificationsApi, type NotificationView } from '../../api/citizen';
import { EmptyState, PageShell } from '../../components';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { cx } from '../../components/cx';
import { useData } from '../../hooks/use-data';
import { openPage } from '../../navigation';
import { setUnread } from '../../notifications/unread';
import { shortTime } from '../../requests/status';
import { useSession } from '../../session';
import './index.css';

/** 消息通知: every notice about the citizen's requests, newest first; tapping opens the request. */
export default function NotificationsPage() {
  const session = useSession();
  const notices = useData(
    async () => {
      const list = await notificationsApi.list();
      setUnread(list.unread);
      return list;
    },
    [],
    { enabled: session.signedIn, live: (event) => event.type === 'notification' || event.type === 'ready', fallback: '加载失败，请下拉重试' },
  );
  const items = notices.data?.items;
  const unread = notices.data?.unread ?? 0;
  const error = notices.error;

  /** The server's new count, and the notices it marked read, shown at once. */
  const markRead = (count: number, read: (item: NotificationView) => boolean) => {
    setUnread(count);
    notices.set((list) => list && { unread: count, items: list.items.map((i) => (read(i) ? { ...i, read: true } : i)) });
  };

  const open = async (item: NotificationView) => {
    if (!item.read) {
      const result = await notificationsApi.read(item.id).catch(() => undefined);
      if (result) markRead(result.unread, (i) => i.id === item.id);
    }
    if (item.requestId) openPage('thread', { id: item.requestId });
  };

  const readAll = async () => {
    const result = await notificationsApi.readAll().catch(() => undefined);
    if (result) markRead(result.unread, () => true);
  };

  if (!session.signedIn) {
    return (
      <PageShell title="消息通知">
        <SignInPrompt reason="登录后查看申请的办理通知" />
      </PageShell>
    );
  }

  return (
    <PageShell title="消息通知">
      <View className="notices__bar">
        <Text className="notices__count">{unread > 0 ? `${unread} 条未读` : '没有未读通知'}</Text>
        {unread > 0 ? (
          <Text className="notices__read-all" onClick={() => void readAll()}>
            全部标为已读
          </Text>
        ) : null}
      </View>
      {error ? <Text className="notices__error">{error}</Text> : null}
      {items?.length === 0 ? <EmptyState title="暂无通知" description="申请有进展、机关回复或需要您补正时，会在这里通知您" /> : null}
      {items?.map((item) => (
        <View key={item.id} className={cx('notices__item', !item.read && 'notices__item--unread')} onClick={() => void open(item)}>
          <View className="notices__head">
            <Text className="notices__title">{item.title}</Text>
            <Text className="notices__time">{shortTime(item.createdAt)}</Text>
          </View>
          <Text className="notices__body">{item.body}</Text>
          {item.requestNumber ? <Text className="notices__number">{`申请编号 ${item.requestNumber}`}</Text> : null}
        </View>
      ))}
    </PageShell>
  );
}
