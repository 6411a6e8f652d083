import { Text, View } from '@tarojs/components';
import { Card, PageShell } from '../../components';
import { CountBadge } from '../../components/count-badge';
import { openPage } from '../../navigation';
import { useUnreadCount } from '../../notifications/unread';
import type { PageName } from '../../routes';
import './index.css';

interface Entry {
  page: PageName;
  title: string;
  description: string;
}

// The four things a citizen comes for (issue 5); staff sign in from the link at the bottom.
const entries: ReadonlyArray<Entry> = [
  { page: 'file', title: '申请政府信息公开', description: '一问一答，几分钟填好申请' },
  { page: 'requests', title: '我的申请', description: '查看办理进度和答复' },
  { page: 'lookup', title: '查询办理状态', description: '凭申请编号和查询码，无需登录' },
  { page: 'reportFigures', title: '本县政务公开数据', description: '年度报告中的申请与答复情况' },
];

export default function Home() {
  const unread = useUnreadCount();
  return (
    <PageShell className="home">
      <View className="home__hero">
        <Text className="home__title">政务公开助手</Text>
        <Text className="home__lead">依法申请获取政府信息，办理期限全程可见</Text>
      </View>
      {entries.map((entry) => (
        <Card key={entry.page} title={entry.title} onClick={() => openPage(entry.page)}>
          <Text>{entry.description}</Text>
        </Card>
      ))}
      <Card title="消息通知" extra={<CountBadge count={unread} />} onClick={() => openPage('notifications')}>
        <Text>{unread > 0 ? `${unread} 条未读通知` : '申请的进展和机关的回复'}</Text>
      </Card>
      <View className="home__footer">
        <Text className="home__staff-link" onClick={() => openPage('staffLogin')}>
          工作人员入口
        </Text>
        <Text className="home__me-link" onClick={() => openPage('me')}>
          我的 · 大字模式
        </Text>
      </View>
    </PageShell>
  );
}
