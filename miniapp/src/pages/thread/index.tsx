import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { maskIdNumber, type CitizenRequestDetail, type ThreadItem } from '@zwgk/shared';
import { useState } from 'react';
import { requestsApi } from '../../api/citizen';
import { Card, ChatBubble, LoadState, PageShell, PrimaryButton, StatusChip } from '../../components';
import { LegalClock } from '../../components/legal-clock';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { errorMessage, useData } from '../../hooks/use-data';
import { openAttachment } from '../../platform/attachment';
import { pickAndUpload } from '../../platform/upload';
import { phaseTone, shortTime } from '../../requests/status';
import { refreshUnread } from '../../notifications/unread';
import { useSession } from '../../session';
import { CorrectionForm, forgetCorrectionDraft } from './correction';
import './index.css';

const KB = 1024;
const sizeText = (bytes: number) => (bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / KB))} KB`);

function Item({ item }: { item: ThreadItem }) {
  if (item.kind === 'event') return <ChatBubble role="system" time={shortTime(item.at)}>{item.text}</ChatBubble>;
  const role = item.author.kind === 'citizen' ? 'citizen' : 'staff';
  return (
    <ChatBubble role={role} author={item.mine ? '我' : item.author.name} time={shortTime(item.at)}>
      <View className="thread__message">
        {item.text ? <Text>{item.text}</Text> : null}
        {item.attachments.map((a) => (
          <Text
            key={a.id}
            className={role === 'citizen' ? 'thread__file thread__file--mine' : 'thread__file'}
            onClick={() => void openAttachment(a).catch((e: unknown) => void Taro.showToast({ title: e instanceof Error ? e.message : '附件打开失败', icon: 'none' }))}
          >
            {`附件：${a.name}（${sizeText(a.size)}）`}
          </Text>
        ))}
      </View>
    </ChatBubble>
  );
}

/** 申请详情: the conversation with the office, the legal clock on top, and what the citizen can do now. */
export default function ThreadPage() {
  const id = useRouter().params.id ?? '';
  const session = useSession();
  const [busy, setBusy] = useState<'message' | 'correction' | 'withdraw' | 'upload' | null>(null);
  const [actionError, setActionError] = useState<string>();
  const [text, setText] = useState('');
  const [showContent, setShowContent] = useState(false);

  const {
    data: detail,
    error,
    reload: load,
  } = useData(
    async (): Promise<CitizenRequestDetail> => {
      const next = await requestsApi.get(id);
      if (next.unread) {
        await requestsApi.markRead(id).catch(() => undefined);
        void refreshUnread();
      }
      return next;
    },
    [id],
    { enabled: id !== '' && session.signedIn, live: (event) => event.type === 'ready' || event.requestId === id },
  );

  const act = async (kind: 'message' | 'correction' | 'withdraw' | 'upload', run: () => Promise<unknown>) => {
    setBusy(kind);
    setActionError(undefined);
    try {
      await run();
      await load();
      return true;
    } catch (e) {
      setActionError(errorMessage(e, '操作失败，请稍后重试'));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const send = async () => {
    const body = text.trim();
    if (!body) return;
    if (await act('message', () => requestsApi.message(id, body))) setText('');
  };

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后机关将不再办理这份申请，且不能恢复。确定撤回吗？',
      confirmText: '确定撤回',
      confirmColor: '#b42318',
      cancelText: '再想想',
    });
    if (answer.confirm && detail) await act('withdraw', () => requestsApi.withdraw(id, { version: detail.version }));
  };

  if (!session.signedIn) {
    return (
      <PageShell title="申请详情">
        <SignInPrompt reason="登录后查看申请的办理过程" />
      </PageShell>
    );
  }
  if (!detail) {
    return (
      <PageShell title="申请详情">
        <LoadState error={error} onRetry={() => void load()} className="thread__loading" />
      </PageShell>
    );
  }

  const c = detail.content;
  const a = detail.applicant;
  return (
    <PageShell className="thread">
      <Card title={c.documentTitle ?? detail.subject} extra={<StatusChip label={detail.stateLabel} tone={phaseTone(detail.phase, detail.overdue)} />}>
        <Text className="thread__meta">{`${detail.bodyName} · ${detail.number}`}</Text>
        <Text className="thread__toggle" onClick={() => setShowContent(!showContent)}>
          {showContent ? '收起申请内容' : '查看申请内容'}
        </Text>
        {showContent ? (
          <View className="thread__content">
            <Text>{`所需信息：${c.description}`}</Text>
            {c.documentNumber ? <Text>{`文号：${c.documentNumber}`}</Text> : null}
            <Text>{`提供形式：${c.mediumLabel} · 获取方式：${c.deliveryLabel}`}</Text>
            <Text>{`申请人：${a.name}（${a.typeLabel}）${a.idNumber ? ` ${a.idTypeLabel ?? ''} ${maskIdNumber(a.idNumber)}` : ''}`}</Text>
            {c.purpose ? <Text>{`用途：${c.purpose}`}</Text> : null}
          </View>
        ) : null}
      </Card>

      <LegalClock clock={detail.clock} />

      {detail.correction && detail.actions.includes('correction_received') ? (
        <CorrectionForm
          requestId={id}
          items={detail.correction.items}
          dueOn={detail.correction.dueOn}
          busy={busy === 'correction'}
          error={busy === null ? actionError : undefined}
          onSubmit={(answers) =>
            void act('correction', () => requestsApi.correct(id, { answers, version: detail.version })).then((ok) => ok && forgetCorrectionDraft(id))
          }
        />
      ) : null}

      {detail.decision ? (
        <Card title={`答复：${detail.decision.outcomeGroupLabel}`} className="thread__decision">
          <Text className="thread__decision-text">{detail.decision.replyText}</Text>
          <Text className="thread__decision-basis">{`${detail.decision.outcomeLabel} · 依据：${detail.decision.legalBasis}`}</Text>
        </Card>
      ) : null}

      <View className="thread__items">
        {detail.thread.map((item) => (
          <Item key={item.id} item={item} />
        ))}
      </View>

      <View className="thread__composer">
        <Textarea className="thread__input" value={text} maxlength={2000} autoHeight placeholder="给办理机关留言" onInput={(e) => setText(e.detail.value)} />
        {actionError && !detail.actions.includes('correction_received') ? <Text className="thread__error">{actionError}</Text> : null}
        <View className="thread__composer-actions">
          <PrimaryButton variant="secondary" block={false} loading={busy === 'upload'} onClick={() => void act('upload', () => pickAndUpload(id))}>
            添加附件
          </PrimaryButton>
          <PrimaryButton block={false} loading={busy === 'message'} disabled={text.trim() === ''} onClick={() => void send()}>
            发送留言
          </PrimaryButton>
        </View>
      </View>

      {detail.actions.includes('withdraw') ? (
        <PrimaryButton variant="danger" loading={busy === 'withdraw'} onClick={() => void withdraw()}>
          撤回申请
        </PrimaryButton>
      ) : null}
    </PageShell>
  );
}
