import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { cx } from '../../../components';
import './field.css';

interface Base {
  label: string;
  /** One line under the label: the rule behind the field (e.g. the article). */
  hint?: string;
  error?: string;
  /** Marks the field for tests and styling, e.g. 'correction-item-0'. */
  name?: string;
}

export interface TextFieldProps extends Base {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'number' | 'digit';
  password?: boolean;
  maxLength?: number;
}

/** A labelled text input (or text area) with its error under it. */
export function TextField({ label, hint, error, name, value, onChange, placeholder, multiline = false, type = 'text', password = false, maxLength }: TextFieldProps) {
  return (
    <View className={cx('st-field', error && 'st-field--error', name && `st-field--${name}`)}>
      <Text className="st-field__label">{label}</Text>
      {hint ? <Text className="st-field__hint">{hint}</Text> : null}
      {multiline ? (
        <Textarea
          className="st-field__textarea"
          value={value}
          placeholder={placeholder}
          maxlength={maxLength ?? -1}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className="st-field__input"
          value={value}
          type={type}
          password={password}
          placeholder={placeholder}
          maxlength={maxLength ?? 140}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {error ? <Text className="st-field__error">{error}</Text> : null}
    </View>
  );
}

export interface DateFieldProps extends Base {
  /** 'YYYY-MM-DD' */
  value: string;
  onChange: (value: string) => void;
  start?: string;
  end?: string;
}

/** A legal date ('YYYY-MM-DD') picked from the platform's date picker. */
export function DateField({ label, hint, error, name, value, onChange, start, end }: DateFieldProps) {
  return (
    <View className={cx('st-field', error && 'st-field--error', name && `st-field--${name}`)}>
      <Text className="st-field__label">{label}</Text>
      {hint ? <Text className="st-field__hint">{hint}</Text> : null}
      <Picker mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View className="st-field__input st-field__picker">
          <Text>{value || '请选择日期'}</Text>
        </View>
      </Picker>
      {error ? <Text className="st-field__error">{error}</Text> : null}
    </View>
  );
}
