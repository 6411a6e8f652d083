import { Text, View } from '@tarojs/components';
import { groupHeading, itemLabel, isItemised, outcomeGroups, outcomesInGroup, type OutcomeKey } from '@zwgk/shared';
import { cx } from '../../../components';
import './outcome-picker.css';

export interface OutcomePickerProps {
  value?: OutcomeKey;
  onChange: (key: OutcomeKey) => void;
  /** Outcomes that cannot be chosen for this request, with the reason (shown under them). */
  refusals?: Partial<Record<OutcomeKey, string>>;
}

/**
 * The 25 outcomes grouped exactly like table 三 of the annual report (国办公开办函〔2021〕30号):
 * （一）予以公开 … （六）其他处理, numbered items inside the groups, each with its legal basis.
 */
export function OutcomePicker({ value, onChange, refusals = {} }: OutcomePickerProps) {
  return (
    <View className="st-outcomes">
      {outcomeGroups.map(({ group }) => (
        <View key={group} className={cx('st-outcomes__group', `st-outcomes__group--${group}`)}>
          <Text className="st-outcomes__heading">{groupHeading(group)}</Text>
          {outcomesInGroup(group).map((o) => {
            const refused = refusals[o.key];
            return (
              <View
                key={o.key}
                data-outcome={o.key}
                className={cx('st-outcomes__item', value === o.key && 'st-outcomes__item--on', refused && 'st-outcomes__item--off')}
                onClick={() => !refused && onChange(o.key)}
              >
                <View className="st-outcomes__radio" />
                <View className="st-outcomes__text">
                  <Text className="st-outcomes__label">{isItemised(group) ? itemLabel(o.key) : o.label}</Text>
                  {o.legalBasis ? <Text className="st-outcomes__basis">{o.legalBasis}</Text> : null}
                  {refused ? <Text className="st-outcomes__refused">{refused}</Text> : null}
                </View>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
