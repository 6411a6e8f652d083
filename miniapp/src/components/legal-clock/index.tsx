import { Text, View } from '@tarojs/components';
import type { LegalClock as Clock } from '@zwgk/shared';
import { useState } from 'react';
import { DeadlineBadge } from '../deadline-badge';
import { ProvisionalNote } from '../provisional-note';
import './legal-clock.css';

export interface LegalClockProps {
  clock: Clock;
}

function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : date;
}

function headline(clock: Clock): string {
  if (clock.status === 'concluded') return clock.concludedOn ? `已于${formatDate(clock.concludedOn)}办结` : '已办结';
  if (clock.status === 'not_started') return '等待机关确认收到申请，确认后开始计算答复期限';
  if (clock.status === 'awaiting_correction') return clock.correctionDueOn ? `请在${formatDate(clock.correctionDueOn)}前补正` : '等待您补正申请';
  if (clock.dueOn) return `答复期限：${formatDate(clock.dueOn)}${clock.dueIsProjected ? '（暂停结束后顺延）' : ''}`;
  return '答复期限';
}

/**
 * The legal clock of a request at the top of its thread: the due date and days left, and —
 * on tap — how the date was computed, step by step as the shared clock explains it.
 */
export function LegalClock({ clock }: LegalClockProps) {
  const [open, setOpen] = useState(false);
  const running = clock.status === 'running' || clock.status === 'paused';
  return (
    <View className="zw-clock" onClick={() => setOpen(!open)}>
      <View className="zw-clock__head">
        <Text className="zw-clock__title">{headline(clock)}</Text>
        {running && clock.workingDaysLeft !== null ? (
          <DeadlineBadge workingDaysLeft={clock.workingDaysLeft} paused={clock.status === 'paused'} />
        ) : null}
      </View>
      <ProvisionalNote note={clock.provisionalNote} />
      {clock.paused ? <Text className="zw-clock__paused">{`${clock.paused.label}，暂停计时（自${formatDate(clock.paused.since)}起）`}</Text> : null}
      {clock.extension ? <Text className="zw-clock__note">{`已延长${clock.extension.days}个工作日：${clock.extension.reason}`}</Text> : null}
      <Text className="zw-clock__toggle">{open ? '收起计算说明' : '期限是怎么算的？点此展开'}</Text>
      {open ? (
        <View className="zw-clock__explain">
          {clock.explanation.length === 0 ? <Text className="zw-clock__step">尚未开始计算。</Text> : null}
          {clock.explanation.map((line, i) => (
            <Text key={i} className="zw-clock__step">
              {line}
            </Text>
          ))}
          {clock.warnings.map((line, i) => (
            <Text key={`w${i}`} className="zw-clock__warning">
              {line}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
