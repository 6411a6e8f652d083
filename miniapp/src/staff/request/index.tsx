import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { channelLabels, type ApplicantView, type StaffRequestDetail } from '@zwgk/shared';
import { useState } from 'react';
import { Card, DeadlineBadge, LoadState, OptionChips, PageShell, PrimaryButton, ProvisionalNote, StatusChip } from '../../components';
import { useData } from '../../hooks/use-data';
import { openPage } from '../../navigation';
import { mayViewIdentity } from '../api/profile';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { ActionBar } from '../components/action-bar';
import { TextField } from '../components/field';
import { ThreadList } from '../components/thread-list';
import { shortDate, todayLegal } from '../lib/format';
import { quickReplies } from '../lib/quick-replies';
import { urgencyOf } from '../lib/urgency';
import './index.css';

function Line({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null;
  return (
    <View className="staff-request__line">
      <Text className="staff-request__line-label">{label}</Text>
      <Text className="staff-request__line-value">{value}</Text>
    </View>
  );
}

function Applicant({ a }: { a: ApplicantView }) {
  return (
    <View>
      <Line label={a.type === 'natural_person' ? '姓名' : '单位名称'} value={a.name} />
      <Line label="申请人类型" value={a.typeLabel} />
      <Line label={a.idTypeLabel ?? '证件号码'} value={a.idNumber} />
      <Line label="统一社会信用代码" value={a.creditCode} />
      <Line label="法定代表人" value={a.legalRepresentative} />
      <Line label="联系人" value={a.contactName} />
      <Line label="联系电话" value={a.phone} />
      <Line label="通信地址" value={a.address} />
      <Line label="邮政编码" value={a.postalCode} />
      <Line label="电子邮箱" value={a.email} />
      <Line label="传真" value={a.fax} />
    </View>
  );
}

// One request: its legal clock (and how it was computed), who asked what, the actions my role may
// take now, and the conversation with the applicant.
export default function StaffRequestPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const profile = useStaffProfile();
  const [identity, setIdentity] = useState<ApplicantView>();
  const [showClock, setShowClock] = useState(false);
  const [reply, setReply] = useState('');
  const [sending, setSending] = useState(false);
  const today = todayLegal();

  const {
    data: detail,
    error,
    reload: load,
    set: setDetail,
  } = useData(
    async (): Promise<StaffRequestDetail> => {
      const next = await staffEndpoints.detail(id);
      void staffEndpoints.markRead(id).catch(() => undefined);
      return next;
    },
    [id],
    // 'ready' only says the stream is open: the page has just loaded.
    { enabled: profile !== undefined && id !== '', audience: 'staff', live: (e) => e.type !== 'ready' && (!e.requestId || e.requestId === id), fallback: '加载失败' },
  );

  const viewIdentity = async () => {
    try {
      setIdentity((await staffEndpoints.identity(id)).applicant);
    } catch (err) {
      void Taro.showToast({ title: err instanceof Error ? err.message : '无法查看', icon: 'none' });
    }
  };

  const send = async () => {
    if (!reply.trim()) return;
    setSending(true);
    try {
      await staffEndpoints.message(id, { text: reply.trim() });
      setReply('');
      await load();
    } catch (err) {
      void Taro.showToast({ title: err instanceof Error ? err.message : '发送失败', icon: 'none' });
    } finally {
      setSending(false);
    }
  };

  if (!detail || !profile) {
    return (
      <PageShell title="办理申请">
        <LoadState error={detail ? undefined : error} onRetry={() => void load()} className="staff-request__loading" />
      </PageShell>
    );
  }

  const urgency = urgencyOf(detail);
  const c = detail.clock;
  return (
    <PageShell className="staff-request">
      <View className="staff-request__head">
        <Text className="staff-request__number">{detail.number}</Text>
        <StatusChip label={detail.stateLabel} tone={urgency === 'overdue' ? 'danger' : 'progress'} />
      </View>
      <Text className="staff-request__subject">{detail.subject}</Text>

      <Card
        title="答复期限"
        extra={
          detail.workingDaysLeft !== null && !detail.paused ? (
            <DeadlineBadge workingDaysLeft={detail.workingDaysLeft} dueDate={detail.dueOn ?? undefined} />
          ) : detail.deadlineLabel ? (
            <StatusChip label={detail.deadlineLabel} tone={detail.overdue ? 'danger' : 'neutral'} />
          ) : undefined
        }
      >
        <Line label="受理机关" value={detail.bodyName} />
        <Line label="提交方式" value={channelLabels[detail.channel].label} />
        <Line label="收到申请" value={detail.receivedOn ? shortDate(detail.receivedOn, today) : '尚未确认受理（不计时）'} />
        <Line label="答复期限" value={detail.dueOn ? `${shortDate(detail.dueOn, today)}${c.dueIsProjected ? '（暂停中，按明日恢复计时推算）' : ''}` : null} />
        <ProvisionalNote note={c.provisionalNote} />
        <Line label="延期" value={c.extension ? `${shortDate(c.extension.on, today)}延长${c.extension.days}个工作日：${c.extension.reason}` : null} />
        <Line label="补正期限" value={c.correctionDueOn && detail.phase === 'correction_requested' ? shortDate(c.correctionDueOn, today) : null} />
        <Line label="征求意见答复期限" value={c.consultationReplyDueOn ? shortDate(c.consultationReplyDueOn, today) : null} />
        <Line label="缴费期限" value={c.feePaymentDueOn ? shortDate(c.feePaymentDueOn, today) : null} />
        <Line label="办结" value={detail.concludedOn ? `${shortDate(detail.concludedOn, today)}${c.onTime === true ? '（在答复期限内）' : c.onTime === false ? '（超过答复期限）' : ''}` : null} />
        <Line label="承办" value={detail.assignee ? `${detail.assignee.name ?? ''}${detail.assignee.department ? `（${detail.assignee.department}）` : ''}` : null} />
        <Text className="staff-request__toggle" onClick={() => setShowClock(!showClock)}>
          {showClock ? '收起期限计算过程' : '期限如何计算'}
        </Text>
        {showClock ? (
          <View className="staff-request__explain">
            {c.explanation.map((line, i) => (
              <Text key={i} className="staff-request__explain-line">
                {line}
              </Text>
            ))}
            {c.warnings.map((line, i) => (
              <Text key={`w${i}`} className="staff-request__explain-line staff-request__explain-line--warn">
                {line}
              </Text>
            ))}
          </View>
        ) : null}
      </Card>

      <Text className="staff-request__section">办理操作</Text>
      <ActionBar
        detail={detail}
        role={profile.role}
        today={today}
        onChanged={setDetail}
        onStale={() => void load()}
        onOpenPage={() => openPage('staffDecide', { id: detail.id })}
      />

      {detail.correction ? (
        <Card title="补正">
          {detail.correction.items.map((item, i) => (
            <Text key={i} className="staff-request__item">{`${i + 1}. ${item}`}</Text>
          ))}
          <Line label="告知日期" value={shortDate(detail.correction.requestedOn, today)} />
          <Line label="补正期限" value={shortDate(detail.correction.dueOn, today)} />
          <Line label="收到补正" value={detail.correction.receivedOn ? shortDate(detail.correction.receivedOn, today) : '尚未收到'} />
          {detail.correction.content ? <Text className="staff-request__quote">{detail.correction.content}</Text> : null}
        </Card>
      ) : null}

      {detail.decision ? (
        <Card title="答复" extra={<StatusChip label={detail.decision.outcomeGroupLabel} tone="done" />}>
          <Line label="办理结果" value={detail.decision.outcomeLabel} />
          <Line label="法律依据" value={detail.decision.legalBasis} />
          <Line label="拟定日期" value={shortDate(detail.decision.decidedOn, today)} />
          <Line label="审核" value={detail.requiresReview ? (detail.decision.approvedOn ? `${shortDate(detail.decision.approvedOn, today)}通过` : '待审核') : '本机关无需审核'} />
          <Text className="staff-request__quote">{detail.decision.replyText}</Text>
        </Card>
      ) : null}

      <Card title="申请内容">
        <Text className="staff-request__quote">{detail.content.description}</Text>
        <Line label="文件名称" value={detail.content.documentTitle} />
        <Line label="文号" value={detail.content.documentNumber} />
        <Line label="提供形式" value={detail.content.mediumLabel} />
        <Line label="获取方式" value={detail.content.deliveryLabel} />
        <Line label="用途" value={detail.content.purpose} />
      </Card>

      <Card title="申请人" extra={<StatusChip label={identity ? '完整信息' : '已脱敏'} tone={identity ? 'waiting' : 'neutral'} />}>
        <Applicant a={identity ?? detail.applicant} />
        {!identity && mayViewIdentity(profile) ? (
          <Text className="staff-request__toggle" onClick={() => void viewIdentity()}>
            查看完整身份信息（查看行为将被记录）
          </Text>
        ) : null}
      </Card>

      <Text className="staff-request__section">办理记录与沟通</Text>
      <ThreadList items={detail.thread} />

      <View className="staff-request__reply">
        <OptionChips
          options={quickReplies.map((q, i) => ({ value: String(i), label: q.label }))}
          onChange={(v) => setReply(quickReplies[Number(v)]!.text(detail, today))}
        />
        <TextField name="reply" label="回复申请人" value={reply} multiline onChange={setReply} placeholder="输入消息，申请人将在办理进度中看到" />
        <PrimaryButton variant="secondary" loading={sending} disabled={!reply.trim()} onClick={() => void send()}>
          发送消息
        </PrimaryButton>
      </View>
    </PageShell>
  );
}
