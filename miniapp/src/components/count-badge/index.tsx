import { Text } from '@tarojs/components';
import './count-badge.css';

export interface CountBadgeProps {
  count: number;
  /** Above this, shows e.g. "99+". */
  max?: number;
}

/** The unread count on an entry; nothing when zero. */
export function CountBadge({ count, max = 99 }: CountBadgeProps) {
  if (count <= 0) return null;
  return <Text className="zw-count">{count > max ? `${max}+` : String(count)}</Text>;
}
