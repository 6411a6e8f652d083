import { Text, View } from '@tarojs/components';
import { cx } from '../cx';
import './option-chips.css';

export interface ChipOption<V extends string> {
  value: V;
  label: string;
  /** One line under the label, e.g. the regulation's hint for that choice. */
  hint?: string;
  disabled?: boolean;
}

export interface OptionChipsProps<V extends string> {
  options: ReadonlyArray<ChipOption<V>>;
  /** Selected value(s); an array when `multiple`. */
  value?: V | ReadonlyArray<V>;
  multiple?: boolean;
  onChange: (value: V, selected: ReadonlyArray<V>) => void;
}

/** Tappable answers for the guided conversation (one or several choices). */
export function OptionChips<V extends string>({ options, value, multiple = false, onChange }: OptionChipsProps<V>) {
  const selected: ReadonlyArray<V> = value === undefined ? [] : typeof value === 'string' ? [value as V] : (value as ReadonlyArray<V>);

  const toggle = (option: ChipOption<V>) => {
    if (option.disabled) return;
    if (!multiple) {
      onChange(option.value, [option.value]);
      return;
    }
    const next = selected.includes(option.value) ? selected.filter((v) => v !== option.value) : [...selected, option.value];
    onChange(option.value, next);
  };

  return (
    <View className="zw-chips">
      {options.map((option) => {
        const isOn = selected.includes(option.value);
        return (
          <View
            key={option.value}
            className={cx('zw-chip', isOn && 'zw-chip--on', option.disabled && 'zw-chip--disabled', option.hint && 'zw-chip--with-hint')}
            onClick={() => toggle(option)}
          >
            <Text className="zw-chip__label">{option.label}</Text>
            {option.hint ? <Text className="zw-chip__hint">{option.hint}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
