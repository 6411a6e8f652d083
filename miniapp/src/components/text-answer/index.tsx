import { Input, Text, Textarea, View } from '@tarojs/components';
import { PrimaryButton } from '../primary-button';
import { cx } from '../cx';
import './text-answer.css';

export interface TextAnswerProps {
  value: string;
  /** Called on every keystroke (the caller saves the draft). */
  onChange: (value: string) => void;
  onSend: () => void;
  /** Shown as 跳过 when the question is optional. */
  onSkip?: () => void;
  multiline?: boolean;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  /** The message of the shared schema for this answer. */
  error?: string;
  /** Soft advice under the field (not an error), e.g. 一事一申请. */
  notes?: ReadonlyArray<string>;
  sendLabel?: string;
  skipLabel?: string;
}

/** The answer box of a conversation: one field, 发送, optionally 跳过; the error under it. */
export function TextAnswer({ value, onChange, onSend, onSkip, multiline = false, placeholder, type = 'text', error, notes, sendLabel = '发送', skipLabel = '跳过' }: TextAnswerProps) {
  const common = {
    className: cx('zw-answer__field', multiline && 'zw-answer__field--multiline', error && 'zw-answer__field--error'),
    value,
    placeholder,
    // No client-side cap: the schema's own length message is what the citizen should read.
    maxlength: -1,
    onInput: (e: { detail: { value: string } }) => onChange(e.detail.value),
  };
  return (
    <View className="zw-answer">
      {multiline ? <Textarea {...common} autoHeight /> : <Input {...common} type={type} confirmType="send" onConfirm={onSend} />}
      {error ? <Text className="zw-answer__error">{error}</Text> : null}
      {(notes ?? []).map((note) => (
        <Text key={note} className="zw-answer__note">
          {note}
        </Text>
      ))}
      <View className="zw-answer__actions">
        {onSkip ? (
          <PrimaryButton variant="secondary" block={false} onClick={onSkip}>
            {skipLabel}
          </PrimaryButton>
        ) : null}
        <PrimaryButton block={false} onClick={onSend}>
          {sendLabel}
        </PrimaryButton>
      </View>
    </View>
  );
}
