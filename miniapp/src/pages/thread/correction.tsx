import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { loadDraft, saveDraft, clearDraft } from '../../api/storage';
import { Card, PrimaryButton } from '../../components';
import { shortDate } from '../../requests/status';
import './correction.css';

export interface CorrectionFormProps {
  requestId: string;
  /** Exactly the points staff asked to correct (Art. 30: all at once). */
  items: ReadonlyArray<string>;
  dueOn: string;
  busy: boolean;
  error?: string;
  onSubmit: (answers: string[]) => void;
}

const draftName = (id: string) => `correction.${id}`;

/** The inline correction form: one answer per point asked, kept as a draft while typed. */
export function CorrectionForm({ requestId, items, dueOn, busy, error, onSubmit }: CorrectionFormProps) {
  const [answers, setAnswers] = useState<string[]>(() => {
    const saved = loadDraft<string[]>(draftName(requestId))?.value ?? [];
    return items.map((_, i) => saved[i] ?? '');
  });
  const [missing, setMissing] = useState<number[]>([]);
  const change = (i: number, value: string) => {
    const next = answers.map((a, j) => (j === i ? value : a));
    setAnswers(next);
    saveDraft(draftName(requestId), next);
  };
  const submit = () => {
    const empty = answers.map((a, i) => (a.trim() === '' ? i : -1)).filter((i) => i >= 0);
    setMissing(empty);
    if (empty.length === 0) onSubmit(answers.map((a) => a.trim()));
  };
  return (
    <Card title="请补正申请" className="correction">
      <Text className="correction__lead">{`机关需要您补充或更正以下内容，请在${shortDate(dueOn)}前提交。补正期间暂停计算答复期限，收到补正后重新计算（《条例》第三十条）。`}</Text>
      {items.map((item, i) => (
        <View key={i} className="correction__item">
          <Text className="correction__ask">{`${i + 1}. ${item}`}</Text>
          <Textarea className="correction__field" value={answers[i] ?? ''} maxlength={-1} autoHeight placeholder="请在这里填写" onInput={(e) => change(i, e.detail.value)} />
          {missing.includes(i) ? <Text className="correction__error">请填写这一项</Text> : null}
        </View>
      ))}
      {error ? <Text className="correction__error">{error}</Text> : null}
      <PrimaryButton loading={busy} onClick={submit}>
        提交补正
      </PrimaryButton>
    </Card>
  );
}

export function forgetCorrectionDraft(requestId: string): void {
  clearDraft(draftName(requestId));
}
