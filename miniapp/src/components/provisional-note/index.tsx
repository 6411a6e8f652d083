import { Text } from '@tarojs/components';
import './provisional-note.css';

export interface ProvisionalNoteProps {
  /** The clock's provisionalNote, e.g. '2027年调休安排未公布，期限按法定节假日计算'; nothing shown when null. */
  note: string | null | undefined;
}

/**
 * One small line beside a due date that is not final yet: the year it runs into has no State
 * Council holiday notice entered, so its statutory holidays are skipped but make-up working days
 * are not known. Shown once, where the date is, never inside an explanation.
 */
export function ProvisionalNote({ note }: ProvisionalNoteProps) {
  return note ? <Text className="zw-provisional">{note}</Text> : null;
}
