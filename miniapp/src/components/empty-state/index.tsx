import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './empty-state.css';

export interface EmptyStateProps {
  title: string;
  description?: string;
  /** Usually a PrimaryButton leading to the next step. */
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <View className="zw-empty">
      <View className="zw-empty__mark" />
      <Text className="zw-empty__title">{title}</Text>
      {description ? <Text className="zw-empty__description">{description}</Text> : null}
      {action ? <View className="zw-empty__action">{action}</View> : null}
    </View>
  );
}
