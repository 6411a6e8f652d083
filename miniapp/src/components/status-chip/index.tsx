import { Text } from '@tarojs/components';
import { cx } from '../cx';
import './status-chip.css';

/**
 * How a state feels to the reader, not the state itself: pages map lifecycle states
 * (from @zwgk/shared) to a label and a tone.
 */
export type StatusTone = 'neutral' | 'progress' | 'waiting' | 'done' | 'danger';

export interface StatusChipProps {
  label: string;
  tone?: StatusTone;
}

export function StatusChip({ label, tone = 'neutral' }: StatusChipProps) {
  return <Text className={cx('zw-status', `zw-status--${tone}`)}>{label}</Text>;
}
