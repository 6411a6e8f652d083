import { Text, View } from '@tarojs/components';
import { cx } from '../cx';
import { deadlineText, deadlineTone } from './deadline';
import './deadline-badge.css';

export { deadlineText, deadlineTone, dueSoonWorkingDays, type DeadlineTone } from './deadline';

export interface DeadlineBadgeProps {
  /** Working days until the legal deadline; negative once overdue, 0 on the last day. */
  workingDaysLeft: number;
  /** The deadline itself, 'YYYY-MM-DD', shown after the count. */
  dueDate?: string;
  /** The clock is stopped (e.g. waiting for the applicant's correction, Art. 30). */
  paused?: boolean;
}

function formatDate(date: string): string {
  const [, m, d] = date.split('-');
  return m && d ? `${Number(m)}月${Number(d)}日` : date;
}

export function DeadlineBadge({ workingDaysLeft, dueDate, paused = false }: DeadlineBadgeProps) {
  const tone = deadlineTone(workingDaysLeft, paused);
  return (
    <View className={cx('zw-deadline', `zw-deadline--${tone}`)}>
      <Text className="zw-deadline__text">{deadlineText(workingDaysLeft, paused)}</Text>
      {dueDate && !paused ? <Text className="zw-deadline__date">{`${formatDate(dueDate)}截止`}</Text> : null}
    </View>
  );
}
