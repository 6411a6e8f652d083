import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '../cx';
import './chat-bubble.css';

/** Who speaks: the system (status changes, questions of the guided filing), the office, the citizen. */
export type ChatRole = 'system' | 'staff' | 'citizen';

export interface ChatBubbleProps {
  role: ChatRole;
  /** Shown above staff bubbles, e.g. "县政府办公室". */
  author?: string;
  /** Already formatted, e.g. "3月5日 14:20". */
  time?: string;
  children: ReactNode;
}

export function ChatBubble({ role, author, time, children }: ChatBubbleProps) {
  if (role === 'system') {
    return (
      <View className="zw-chat zw-chat--system">
        <Text className="zw-chat__system-text">{children}</Text>
        {time ? <Text className="zw-chat__time">{time}</Text> : null}
      </View>
    );
  }
  return (
    <View className={cx('zw-chat', `zw-chat--${role}`)}>
      {author || time ? (
        <View className="zw-chat__meta">
          {author ? <Text className="zw-chat__author">{author}</Text> : null}
          {time ? <Text className="zw-chat__time">{time}</Text> : null}
        </View>
      ) : null}
      <View className="zw-chat__bubble">{typeof children === 'string' ? <Text>{children}</Text> : children}</View>
    </View>
  );
}
