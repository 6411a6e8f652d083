import { Text, View } from '@tarojs/components';
import { roleLabels, type ThreadItem } from '@zwgk/shared';
import { ChatBubble } from '../../../components';
import { shortInstant } from '../../lib/format';
import './thread-list.css';

/** The request's conversation as staff see it: lifecycle events (who did what) and messages. */
export function ThreadList({ items }: { items: ReadonlyArray<ThreadItem> }) {
  if (items.length === 0) return <Text className="st-thread__empty">暂无记录</Text>;
  return (
    <View className="st-thread">
      {items.map((item) =>
        item.kind === 'event' ? (
          <ChatBubble key={item.id} role="system" time={`${shortInstant(item.at)} · ${item.actor.name ?? roleLabels[item.actor.role]}`}>
            {item.text}
          </ChatBubble>
        ) : (
          <ChatBubble key={item.id} role={item.author.kind === 'citizen' ? 'citizen' : 'staff'} author={item.author.kind === 'citizen' ? '申请人' : item.author.name} time={shortInstant(item.at)}>
            <View className="st-thread__message">
              <Text>{item.text}</Text>
              {item.attachments.map((a) => (
                <Text key={a.id} className="st-thread__file">{`附件：${a.name}`}</Text>
              ))}
            </View>
          </ChatBubble>
        ),
      )}
    </View>
  );
}
