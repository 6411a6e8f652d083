import { Text, View } from '@tarojs/components';
import { channelLabels, type StaffInboxItem } from '@zwgk/shared';
import { cx, DeadlineBadge, ProvisionalNote, StatusChip } from '../../../components';
import { shortDate } from '../../lib/format';
import { urgencyOf } from '../../lib/urgency';
import './inbox-row.css';

export interface InboxRowProps {
  item: StaffInboxItem;
  onOpen: (item: StaffInboxItem) => void;
  /** County-wide admin: show which body it went to. */
  showBody?: boolean;
}

/** One request in the inbox: its deadline first (red overdue, amber due soon), then what and who. */
export function InboxRow({ item, onOpen, showBody = false }: InboxRowProps) {
  const urgency = urgencyOf(item);
  return (
    <View className={cx('st-row', `st-row--${urgency}`, item.unread && 'st-row--unread')} hoverClass="st-row--pressed" onClick={() => onOpen(item)}>
      <View className="st-row__top">
        <Text className="st-row__number">{item.number}</Text>
        <StatusChip label={item.stateLabel} tone={urgency === 'overdue' ? 'danger' : item.phase === 'submitted' ? 'waiting' : 'progress'} />
      </View>
      <Text className="st-row__subject">{item.subject}</Text>
      <View className="st-row__meta">
        <Text>{item.applicantName}</Text>
        <Text className="st-row__dot">·</Text>
        <Text>{channelLabels[item.channel].label}</Text>
        {item.assignee ? (
          <>
            <Text className="st-row__dot">·</Text>
            <Text>{`承办：${item.assignee.department ?? item.assignee.name ?? '已分办'}`}</Text>
          </>
        ) : null}
      </View>
      {showBody ? <Text className="st-row__body">{item.bodyName}</Text> : null}
      <View className="st-row__deadline">
        {item.workingDaysLeft !== null && !item.paused ? (
          <DeadlineBadge workingDaysLeft={item.workingDaysLeft} dueDate={item.dueOn ?? undefined} />
        ) : item.deadlineLabel ? (
          <StatusChip label={item.deadlineLabel} tone={urgency === 'overdue' ? 'danger' : 'neutral'} />
        ) : item.concludedOn ? (
          <Text className="st-row__concluded">{`${shortDate(item.concludedOn)}办结${item.outcomeLabel ? `：${item.outcomeLabel}` : ''}`}</Text>
        ) : (
          <Text className="st-row__concluded">{item.phase === 'submitted' ? `${shortDate(item.submittedOn)}提交，确认受理后开始计时` : ''}</Text>
        )}
        {item.extended ? <Text className="st-row__flag">已延期</Text> : null}
        <ProvisionalNote note={item.provisionalNote} />
      </View>
    </View>
  );
}
