import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { descriptionHints } from '@zwgk/shared';
import { useEffect, useMemo, useState } from 'react';
import { useBodies } from '../../api/bodies';
import { notificationsApi, requestsApi, type SubscribeTemplateKey } from '../../api/citizen';
import { ApiError, fieldErrors } from '../../api/client';
import { ChatBubble, EmptyState, OptionChips, PageShell, PrimaryButton } from '../../components';
import { BodyPicker, guideText } from '../../components/body-picker';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { TextAnswer } from '../../components/text-answer';
import { useData } from '../../hooks/use-data';
import { loadIdentities, saveIdentity } from '../../identities';
import { signInSilently } from '../../platform/sign-in';
import { requestSubscribe } from '../../platform/subscribe';
import { acceptPrivacy } from '../../settings/privacy';
import { ensureSignedIn, useSession } from '../../session';
import { dismissReceipt, discardFilingDraft, loadFilingDraft, loadReceipt, newIdempotencyKey, receiptOf, saveFilingDraft, saveReceipt, type FilingReceipt } from './draft';
import { toFiling } from './fields';
import { answer, answeredSteps, applyMessages, cancelEdit, checkBeforeSubmit, currentStep, edit, emptyDraft, sentValues, setDeclaration, setValue, skip, type FilingDraft } from './flow';
import { Receipt } from './receipt';
import { step as stepOf, type Step, type StepContext, type StepId } from './steps';
import { Summary } from './summary';
import { errorsByStep } from './validate';
import './index.css';

const noTemplates: Array<{ key: SubscribeTemplateKey; templateId: string }> = [];

function scrollTo(options: { scrollTop?: number; selector?: string }): void {
  try {
    void Taro.pageScrollTo({ duration: 200, ...options }).catch(() => undefined);
  } catch {
    // nothing to scroll (e.g. a test renderer)
  }
}

function timeOf(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * 申请政府信息公开 — a guided conversation: one question at a time, each answer checked on the
 * spot with the shared filing schema, any answer editable, a summary to confirm with the
 * declaration, and a submit that can be retried safely (one idempotency key per draft).
 */
export default function FilePage() {
  const session = useSession();
  const { bodies, error: bodiesError, reload: reloadBodies } = useBodies();
  const [identities] = useState(loadIdentities);
  const [state, setState] = useState(loadFilingDraft);
  const [receipt, setReceipt] = useState<FilingReceipt | undefined>(loadReceipt);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const { draft, savedAt } = state;
  const ctx: StepContext = useMemo(() => ({ bodies, identities }), [bodies, identities]);

  // Without the templates (offline) the request is filed without asking to subscribe.
  const templates = useData(async () => (await notificationsApi.templates()).templates, [], { showAgain: false, pullDown: false }).data ?? noTemplates;

  /** Every change is saved on the device at once. */
  const update = (next: FilingDraft) => setState({ draft: next, savedAt: saveFilingDraft(next) });

  const display = (id: StepId): string => {
    const s = stepOf(id);
    if (id === 'savedIdentity') return s.display!(draft.savedIdentity ?? '', ctx);
    const value = s.field ? (draft.values[s.field] ?? '') : '';
    if (value === '') return '（跳过）';
    return s.display ? s.display(value, ctx) : value;
  };

  const current = currentStep(draft, ctx);
  const history = answeredSteps(draft, ctx);
  const shownHistory = draft.editing ? history.slice(0, history.findIndex((s) => s.id === draft.editing)) : history;
  const later = draft.editing ? history.length - shownHistory.length - 1 : 0;
  const previous = current && !draft.editing ? history[history.length - 1] : undefined;
  const chosenBody = bodies.find((b) => b.id === draft.values.bodyId);
  const [showHistory, setShowHistory] = useState(false);
  const currentId = current?.id ?? 'summary';

  // Keep the question being asked in view as the conversation grows.
  useEffect(() => {
    if (draft.answered.length > 0) scrollTo({ selector: currentId === 'summary' ? '.filing-summary' : '.filing__turn--current' });
  }, [currentId]);

  async function submit(): Promise<void> {
    setSubmitError(undefined);
    const checked = checkBeforeSubmit(draft, ctx);
    if (!checked.ok) {
      update(checked.draft);
      return;
    }
    const key = draft.idempotencyKey ?? newIdempotencyKey();
    const sending: FilingDraft = { ...draft, idempotencyKey: key };
    update(sending);
    // WeChat shows the subscribe sheet only from the tap itself: ask before any await.
    const consent = requestSubscribe(templates.map((t) => t.templateId));
    setSubmitting(true);
    try {
      if (signInSilently) await ensureSignedIn();
      const response = await requestsApi.file(toFiling(sentValues(sending, ctx), true), key);
      const answers = await consent;
      let subscribed = false;
      for (const t of templates) {
        const a = answers[t.templateId];
        if (!a || a === 'unsupported') continue;
        subscribed ||= a === 'accept';
        await notificationsApi.consent(t.key, a === 'accept').catch(() => undefined);
      }
      // The declaration ticked on the summary includes the privacy notice.
      acceptPrivacy();
      if (sending.saveIdentity) saveIdentity(sentValues(sending, ctx));
      const done = receiptOf(response, subscribed);
      saveReceipt(done);
      discardFilingDraft();
      setState({ draft: emptyDraft(), savedAt: null });
      setReceipt(done);
      scrollTo({ scrollTop: 0 });
    } catch (e) {
      const error = e instanceof ApiError ? e : undefined;
      if (error?.code === 'VALIDATION_FAILED') {
        const applied = applyMessages(sending, errorsByStep(fieldErrors(error), sending.values, ctx));
        update(applied.draft);
        setSubmitError(error.message);
      } else {
        setSubmitError(`${error?.message ?? '提交失败'}。您填写的内容已保存在本机，可以稍后重试。`);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const restart = () => {
    void Taro.showModal({ title: '清空重填', content: '将清除已填写的内容，确定吗？', confirmText: '清空', cancelText: '取消' })
      .then((r) => {
        if (!r.confirm) return;
        discardFilingDraft();
        setState({ draft: emptyDraft(), savedAt: null });
        setSubmitError(undefined);
      })
      .catch(() => undefined);
  };

  if (receipt) {
    return (
      <PageShell title="申请政府信息公开">
        <Receipt
          receipt={receipt}
          onDone={() => {
            dismissReceipt();
            setReceipt(undefined);
          }}
        />
      </PageShell>
    );
  }

  const renderInput = (s: Step) => {
    const value = s.field ? (draft.values[s.field] ?? '') : '';
    const error = draft.errors[s.id];
    if (s.kind === 'body') {
      if (bodies.length === 0) {
        return bodiesError ? (
          <EmptyState title="机关目录暂时无法加载" description={bodiesError} action={<PrimaryButton onClick={reloadBodies}>重新加载</PrimaryButton>} />
        ) : (
          <Text className="filing__loading">正在加载机关目录…</Text>
        );
      }
      return (
        <View>
          <BodyPicker bodies={bodies} value={value} onPick={(b) => update(answer(draft, 'body', ctx, b.id))} />
          {error ? <Text className="filing__error">{error}</Text> : null}
        </View>
      );
    }
    if (s.kind === 'choice') {
      const chosen = s.id === 'savedIdentity' ? (draft.savedIdentity ?? undefined) : value || undefined;
      return (
        <View>
          <OptionChips options={s.options!(ctx)} value={chosen} onChange={(v) => update(answer(draft, s.id, ctx, v))} />
          {error ? <Text className="filing__error">{error}</Text> : null}
        </View>
      );
    }
    return (
      <TextAnswer
        value={value}
        multiline={s.kind === 'textarea'}
        placeholder={s.placeholder}
        type={s.inputType}
        error={error}
        notes={s.id === 'description' ? descriptionHints(value) : undefined}
        onChange={(v) => update(setValue(draft, s.field!, v))}
        onSend={() => update(answer(draft, s.id, ctx))}
        onSkip={s.optional ? () => update(skip(draft, s.id, ctx)) : undefined}
        sendLabel={draft.editing ? '确定修改' : '发送'}
      />
    );
  };

  return (
    <PageShell title="申请政府信息公开" className="filing">
      {!current && !showHistory ? (
        <Text className="filing__link filing__history-toggle" onClick={() => setShowHistory(true)}>
          {`查看对话记录（${shownHistory.length} 个回答）`}
        </Text>
      ) : null}
      {(current || showHistory ? shownHistory : []).map((s) => (
        <View key={s.id} className="filing__turn">
          <ChatBubble role="staff">{s.question}</ChatBubble>
          <View className="filing__answer" onClick={() => update(edit(draft, s.id))}>
            <ChatBubble role="citizen">{display(s.id)}</ChatBubble>
            <Text className="filing__edit">修改</Text>
          </View>
          {s.id === 'body' && chosenBody ? <ChatBubble role="staff" author="办理指南">{`${chosenBody.name}\n${guideText(chosenBody)}`}</ChatBubble> : null}
        </View>
      ))}

      {current ? (
        <View className="filing__turn filing__turn--current">
          <ChatBubble role="staff">{current.question}</ChatBubble>
          {current.hint ? <Text className="filing__hint">{current.hint}</Text> : null}
          {renderInput(current)}
          <View className="filing__nav">
            {draft.editing ? (
              <Text className="filing__link" onClick={() => update(cancelEdit(draft))}>
                {later > 0 ? `取消修改（后面已回答的 ${later} 个问题会保留）` : '取消修改'}
              </Text>
            ) : null}
            {previous ? (
              <Text className="filing__link" onClick={() => update(edit(draft, previous.id))}>
                返回上一题
              </Text>
            ) : null}
          </View>
        </View>
      ) : (
        <View className="filing__turn">
          <Summary
            draft={draft}
            ctx={ctx}
            display={display}
            onEdit={(id) => update(edit(draft, id))}
            onDeclaration={(on) => update(setDeclaration(draft, on))}
            onSaveIdentity={(on) => update({ ...draft, saveIdentity: on })}
          />
          {submitError ? <Text className="filing__error filing__error--submit">{submitError}</Text> : null}
          {!session.signedIn && !signInSilently ? (
            <SignInPrompt reason="提交申请前请先登录，以便查看办理进度和答复" />
          ) : (
            <PrimaryButton loading={submitting} onClick={() => void submit()}>
              {draft.idempotencyKey && submitError ? '重新提交' : '确认提交'}
            </PrimaryButton>
          )}
        </View>
      )}

      <View className="filing__footer">
        <Text className="filing__saved">{savedAt ? `草稿已自动保存在本机 ${timeOf(savedAt)}` : '填写内容会自动保存在本机'}</Text>
        {draft.answered.length > 0 ? (
          <Text className="filing__link" onClick={restart}>
            清空重填
          </Text>
        ) : null}
      </View>
    </PageShell>
  );
}
