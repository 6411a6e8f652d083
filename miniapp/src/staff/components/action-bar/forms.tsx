// One small form per lifecycle action: it collects the event's payload (shapes of
// shared/src/lifecycle/events.ts) and shows the rule and the dates that follow from it, computed
// with the server's effective calendar (api/calendar.ts: base data + the county's overrides) and the
// shared fee function. The server re-checks everything with the same rules.
import { Text, View } from '@tarojs/components';
import {
  addDays,
  channelLabels,
  deliveryLabels,
  reviewResultLabels,
  reviewResults,
  provisionalNote,
  SUGGESTED_CORRECTION_PERIOD,
  THIRD_PARTY_REPLY_PERIOD,
  MAX_EXTENSION,
  REPLY_PERIOD,
  type EventType,
  type FeeInput,
  type LegalDate,
  type ReviewResult,
  type StaffRequestDetail,
} from '@zwgk/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { useCalendar } from '../../../api/calendar';
import { OptionChips, PrimaryButton, ProvisionalNote } from '../../../components';
import { useData, type UseDataOptions } from '../../../hooks/use-data';
import { staffEndpoints } from '../../api/staff-api';
import { monthOf, shortDate } from '../../lib/format';
import { attachmentRule, pickFiles, tooLarge, type PickedFile } from '../../lib/files';
import { FeeComputation, quoteOf } from '../fee-computation';
import { DateField, TextField } from '../field';

/** What a form hands back: the event's payload (without type/version) and files to upload first. */
export interface Submission {
  payload: Record<string, unknown>;
  attachments?: PickedFile[];
}

export interface FormProps {
  detail: StaffRequestDetail;
  today: LegalDate;
  busy: boolean;
  submitLabel: string;
  onSubmit: (submission: Submission) => void;
}

function Frame({ children, error, busy, submitLabel, onSubmit, disabled = false }: { children?: ReactNode; error?: string; busy: boolean; submitLabel: string; onSubmit: () => void; disabled?: boolean }) {
  return (
    <View className="st-form">
      {children}
      {error ? <Text className="st-form__error">{error}</Text> : null}
      <PrimaryButton loading={busy} disabled={disabled} onClick={onSubmit}>
        {submitLabel}
      </PrimaryButton>
    </View>
  );
}

function Note({ children }: { children: ReactNode }) {
  return <Text className="st-form__note">{children}</Text>;
}

/** A date or figure that follows from the form (`name` lets tests and screen readers find it). */
function Fact({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <View className={`st-form__fact st-form__fact--${name}`}>
      <Text className="st-form__fact-label">{label}</Text>
      <Text className="st-form__fact-value">{value}</Text>
    </View>
  );
}

// ---- 确认受理 (Art. 31) ----------------------------------------------------------------------

function ConfirmReceiptForm({ detail, today, busy, submitLabel, onSubmit }: FormProps) {
  const calendar = useCalendar();
  const [receivedOn, setReceivedOn] = useState(today);
  const replyDue = calendar.addWorkingDays(receivedOn, REPLY_PERIOD);
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: receivedOn === today ? {} : { receivedOn } })}>
      <DateField
        name="received-on"
        label="收到申请日期"
        hint={`${channelLabels[detail.channel].receiptRule}（《条例》第三十一条）。自该日起计算20个工作日的答复期限。`}
        value={receivedOn}
        end={today}
        start={detail.submittedOn ?? undefined}
        onChange={setReceivedOn}
      />
      <Fact name="reply-due" label="答复期限" value={`${shortDate(replyDue, today)}前（${REPLY_PERIOD}个工作日）`} />
      <ProvisionalNote note={provisionalNote(calendar, receivedOn, replyDue)} />
    </Frame>
  );
}

// ---- 告知补正 (Art. 30): every point at once, with a deadline --------------------------------

function RequestCorrectionForm({ detail, today, busy, submitLabel, onSubmit }: FormProps) {
  const calendar = useCalendar();
  const [items, setItems] = useState<string[]>(['']);
  // The suggestion follows the calendar (the server's may arrive after the form opened) until
  // the clerk picks a date.
  const suggested = calendar.addWorkingDays(today, SUGGESTED_CORRECTION_PERIOD);
  const [picked, setDueOn] = useState<LegalDate>();
  const dueOn = picked ?? suggested;
  const [error, setError] = useState<string>();
  const windowEnds = detail.clock.correctionWindowEndsOn;
  const submit = () => {
    const points = items.map((i) => i.trim()).filter(Boolean);
    if (points.length === 0) return setError('请列明需要补正的事项');
    if (dueOn <= today) return setError('补正期限应晚于今天');
    setError(undefined);
    onSubmit({ payload: { items: points, dueOn } });
  };
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={submit} error={error}>
      <Note>
        {`补正只能告知一次，须一次性列明全部需要补正的事项（《条例》第三十条）${windowEnds ? `；告知补正的期限至${shortDate(windowEnds, today)}（收到申请后7个工作日）` : ''}。补正期间不计入答复期限，答复期限自收到补正之日起重新计算。`}
      </Note>
      {items.map((item, i) => (
        <View key={i} className="st-form__item">
          <TextField
            name={`correction-item-${i}`}
            label={`补正事项 ${i + 1}`}
            value={item}
            multiline
            placeholder="例：请写明所需信息的文件名称、文号或形成时间"
            onChange={(v) => setItems((all) => all.map((x, j) => (j === i ? v : x)))}
          />
          {items.length > 1 ? (
            <Text className="st-form__link st-form__link--danger" onClick={() => setItems((all) => all.filter((_, j) => j !== i))}>
              删除此项
            </Text>
          ) : null}
        </View>
      ))}
      <Text className="st-form__link" onClick={() => setItems((all) => [...all, ''])}>
        ＋ 再加一项补正事项
      </Text>
      <DateField
        name="correction-due"
        label="补正期限"
        hint={`合理的补正期限，默认${SUGGESTED_CORRECTION_PERIOD}个工作日（至${shortDate(suggested, today)}）；逾期未补正视为放弃申请。`}
        value={dueOn}
        start={addDays(today, 1)}
        onChange={setDueOn}
      />
      <ProvisionalNote note={provisionalNote(calendar, today, dueOn)} />
    </Frame>
  );
}

// ---- 补正已收到 (a correction that came on paper, registered by the clerk) -----------------------

function CorrectionReceivedForm({ busy, submitLabel, onSubmit }: FormProps) {
  const [content, setContent] = useState('');
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: content.trim() ? { content: content.trim() } : {} })}>
      <Note>登记申请人以书面等方式提交的补正；答复期限自今天起重新计算（《条例》第三十条）。</Note>
      <TextField name="correction-content" label="补正内容（摘要）" value={content} multiline onChange={setContent} />
    </Frame>
  );
}

// ---- 征求意见 (Art. 32, 34): third party or another body, 15 working days to answer ---------------

function StartConsultationForm({ today, busy, submitLabel, onSubmit }: FormProps) {
  const calendar = useCalendar();
  const [party, setParty] = useState<'third_party' | 'other_body'>('third_party');
  const [withWhom, setWith] = useState('');
  const [error, setError] = useState<string>();
  const replyBy = calendar.addWorkingDays(today, THIRD_PARTY_REPLY_PERIOD);
  return (
    <Frame
      busy={busy}
      submitLabel={submitLabel}
      error={error}
      onSubmit={() => (withWhom.trim() ? onSubmit({ payload: { party, with: withWhom.trim() } }) : setError('请填写征求意见对象的名称'))}
    >
      <OptionChips
        options={[
          { value: 'third_party', label: '第三方', hint: '公开可能损害第三方合法权益（第三十二条）' },
          { value: 'other_body', label: '其他机关', hint: '涉及其他机关的信息（第三十四条）' },
        ]}
        value={party}
        onChange={(v) => setParty(v)}
      />
      <TextField name="consultation-with" label={party === 'third_party' ? '第三方名称' : '机关名称'} value={withWhom} onChange={setWith} />
      <Fact name="consultation-reply" label="答复期限" value={`${shortDate(replyBy, today)}前（${THIRD_PARTY_REPLY_PERIOD}个工作日）`} />
      <ProvisionalNote note={provisionalNote(calendar, today, replyBy)} />
      <Note>第三方应当自收到征求意见书之日起15个工作日内提出意见（第三十二条）；征求意见所需时间不计算在答复期限内（第三十三条第二款）。</Note>
    </Frame>
  );
}

function EndConsultationForm({ busy, submitLabel, onSubmit }: FormProps) {
  const [reply, setReply] = useState<'agreed' | 'objected' | 'no_reply' | 'answered'>('agreed');
  const [summary, setSummary] = useState('');
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: { reply, ...(summary.trim() ? { summary: summary.trim() } : {}) } })}>
      <OptionChips
        options={[
          { value: 'agreed', label: '同意公开' },
          { value: 'objected', label: '不同意公开' },
          { value: 'no_reply', label: '逾期未提出意见' },
          { value: 'answered', label: '已答复（其他机关）' },
        ]}
        value={reply}
        onChange={(v) => setReply(v)}
      />
      <TextField name="consultation-summary" label="意见摘要" value={summary} multiline onChange={setSummary} />
      <Note>恢复计算答复期限。第三方不同意公开且有合理理由的，不予公开；认为不公开可能对公共利益造成重大影响的，可以决定予以公开（第三十二条）。</Note>
    </Frame>
  );
}

// ---- 延长答复期限 (Art. 33): once, ≤ 20 working days, with a reason ----------------------------

function ExtendForm({ detail, today, busy, submitLabel, onSubmit }: FormProps) {
  const calendar = useCalendar();
  const [days, setDays] = useState(String(MAX_EXTENSION));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_EXTENSION;
  const newDue = valid && detail.dueOn ? calendar.addWorkingDays(detail.dueOn, n) : null;
  const submit = () => {
    if (!valid) return setError(`延长的期限为1–${MAX_EXTENSION}个工作日`);
    if (!reason.trim()) return setError('请填写延长理由（将告知申请人）');
    setError(undefined);
    onSubmit({ payload: { days: n, reason: reason.trim() } });
  };
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={submit} error={error}>
      <Note>需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日；只能延长一次（《条例》第三十三条）。</Note>
      <TextField name="extend-days" label="延长工作日数" type="number" value={days} onChange={setDays} />
      <TextField name="extend-reason" label="延长理由" value={reason} multiline onChange={setReason} placeholder="例：需要调取多年档案，检索工作量大" />
      {detail.dueOn ? (
        <Fact name="extended-due" label="答复期限" value={newDue ? `${shortDate(detail.dueOn, today)} → ${shortDate(newDue, today)}` : shortDate(detail.dueOn, today)} />
      ) : null}
    </Frame>
  );
}

/** A form's helping data: read once when the form opens, not again while it is being filled in. */
const onOpen: UseDataOptions = { showAgain: false, pullDown: false };

// ---- 收费通知 (Art. 42, 国办函〔2020〕109号): the amount is the shared function's, never typed -----------

export function FeeNoticeForm({ detail, today, busy, submitLabel, onSubmit }: FormProps) {
  const [basis, setBasis] = useState<'per_request' | 'per_page'>('per_request');
  const [ordinal, setOrdinal] = useState('');
  const [pages, setPages] = useState('');
  const [noticeReceivedOn, setNoticeReceivedOn] = useState(today);
  const month = monthOf(detail.receivedOn ?? today);
  // Counting is a help: when it fails, staff type the number.
  const { data: counted } = useData(() => staffEndpoints.feeBasis(detail.id), [detail.id], onOpen);
  useEffect(() => {
    if (counted) setOrdinal((v) => v || String(counted.ordinalInMonth));
  }, [counted]);
  const countNote = counted && `按系统记录，本申请是该申请人${counted.month.replace('-', '年')}月向本机关提出的第${counted.ordinalInMonth}件申请（共${counted.countInMonth}件）。`;
  const input: FeeInput = basis === 'per_request' ? { basis, ordinalInMonth: Number(ordinal), month } : { basis, pages: Number(pages) };
  const quote = quoteOf(input);
  const chargeable = 'quote' in quote && quote.quote.amount > 0;
  const filled = basis === 'per_request' ? ordinal.trim() !== '' : pages.trim() !== '';
  return (
    <Frame busy={busy} submitLabel={submitLabel} disabled={!chargeable} onSubmit={() => onSubmit({ payload: { fee: input, ...(noticeReceivedOn !== today ? { noticeReceivedOn } : {}) } })}>
      <Note>申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费；按件、按量只能选择一种，不累加（《条例》第四十二条、国办函〔2020〕109号）。</Note>
      <OptionChips
        options={[
          { value: 'per_request', label: '按件计收', hint: '同一申请人一个自然月内的申请件数' },
          { value: 'per_page', label: '按量计收', hint: '本申请提供信息的页数' },
        ]}
        value={basis}
        onChange={(v) => setBasis(v)}
      />
      {basis === 'per_request' ? (
        <TextField name="fee-ordinal" label={`本申请是申请人${month.replace('-', '年')}月内的第几件申请`} hint={countNote} type="number" value={ordinal} onChange={setOrdinal} />
      ) : (
        <TextField name="fee-pages" label="提供信息的页数" type="number" value={pages} onChange={setPages} />
      )}
      {filled ? <FeeComputation input={input} /> : null}
      <DateField name="fee-received" label="申请人收到收费通知的日期" hint="申请人自收到通知次日起20个工作日内缴费；缴费期间不计入答复期限。" value={noticeReceivedOn} start={today} onChange={setNoticeReceivedOn} />
    </Frame>
  );
}

// ---- 分办 -------------------------------------------------------------------------------------

function AssignForm({ detail, busy, submitLabel, onSubmit }: FormProps) {
  const [chosen, setChosen] = useState<string | undefined>(detail.assignee?.id);
  const [department, setDepartment] = useState(detail.assignee?.department ?? '');
  const assignees = useData(async () => (await staffEndpoints.assignees(detail.bodyId)).items, [detail.bodyId], { ...onOpen, fallback: '无法读取承办人' });
  const people = assignees.data ?? null;
  const error = assignees.error;
  const pick = (id: string) => {
    setChosen(id);
    const p = people?.find((x) => x.id === id);
    if (p?.department && !department) setDepartment(p.department);
  };
  return (
    <Frame busy={busy} submitLabel={submitLabel} error={error} disabled={!chosen} onSubmit={() => chosen && onSubmit({ payload: { assigneeId: chosen, ...(department.trim() ? { department: department.trim() } : {}) } })}>
      {people === null && !error ? <Note>正在读取本机关工作人员…</Note> : null}
      {people ? (
        <OptionChips options={people.map((p) => ({ value: p.id, label: p.name, hint: `${p.roleLabel}${p.department ? ` · ${p.department}` : ''}` }))} value={chosen} onChange={(v) => pick(v)} />
      ) : null}
      <TextField name="assign-department" label="承办部门" value={department} onChange={setDepartment} placeholder="例：县政府办公室秘书股" />
    </Frame>
  );
}

// ---- 审核 -------------------------------------------------------------------------------------

function DecisionSummary({ detail }: { detail: StaffRequestDetail }) {
  const d = detail.decision;
  if (!d) return null;
  return (
    <View className="st-form__decision">
      <Text className="st-form__fact-label">{`拟答复：${d.outcomeGroupLabel} · ${d.outcomeLabel}`}</Text>
      {d.legalBasis ? <Text className="st-form__note">{`法律依据：${d.legalBasis}`}</Text> : null}
      <Text className="st-form__notice">{d.replyText}</Text>
    </View>
  );
}

function ApproveForm({ detail, busy, submitLabel, onSubmit }: FormProps) {
  const [comment, setComment] = useState('');
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: comment.trim() ? { comment: comment.trim() } : {} })}>
      <DecisionSummary detail={detail} />
      <TextField name="approve-comment" label="审核意见（可不填）" value={comment} multiline onChange={setComment} />
    </Frame>
  );
}

function RejectForm({ detail, busy, submitLabel, onSubmit }: FormProps) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  return (
    <Frame busy={busy} submitLabel={submitLabel} error={error} onSubmit={() => (comment.trim() ? onSubmit({ payload: { comment: comment.trim() } }) : setError('请填写退回意见'))}>
      <DecisionSummary detail={detail} />
      <TextField name="reject-comment" label="退回意见" value={comment} multiline onChange={setComment} />
    </Frame>
  );
}

// ---- 送达答复: the notice plus its documents ------------------------------------------------------

export function AttachmentPicker({ files, onChange }: { files: PickedFile[]; onChange: (files: PickedFile[]) => void }) {
  const [error, setError] = useState<string>();
  const add = async () => {
    const picked = await pickFiles();
    const big = picked.filter(tooLarge);
    setError(big.length ? `${big.map((f) => f.name).join('、')} 超过10MB，未添加` : undefined);
    onChange([...files, ...picked.filter((f) => !tooLarge(f))]);
  };
  return (
    <View className="st-attach">
      <Text className="st-field__label">附件（随答复送达）</Text>
      <Text className="st-field__hint">{attachmentRule}</Text>
      {files.map((f, i) => (
        <View key={`${f.name}-${i}`} className="st-attach__file">
          <Text className="st-attach__name">{f.name}</Text>
          <Text className="st-form__link st-form__link--danger" onClick={() => onChange(files.filter((_, j) => j !== i))}>
            移除
          </Text>
        </View>
      ))}
      {error ? <Text className="st-form__error">{error}</Text> : null}
      <Text className="st-form__link" onClick={() => void add()}>
        ＋ 添加附件
      </Text>
    </View>
  );
}

function DeliverForm({ detail, busy, submitLabel, onSubmit }: FormProps) {
  const [method, setMethod] = useState(detail.content.delivery);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const methods = Object.entries(deliveryLabels).map(([value, label]) => ({ value, label }));
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: { method }, attachments: files })}>
      <DecisionSummary detail={detail} />
      <Text className="st-field__label">送达方式</Text>
      <OptionChips options={methods} value={method} onChange={(v) => setMethod(v)} />
      <Note>{`申请人选择的获取方式：${detail.content.deliveryLabel}（${detail.content.mediumLabel}）。`}</Note>
      <AttachmentPicker files={files} onChange={setFiles} />
    </Frame>
  );
}

// ---- 撤回, 归档, expiries, reconsideration/litigation ------------------------------------------------

function WithdrawForm({ busy, submitLabel, onSubmit }: FormProps) {
  const [reason, setReason] = useState('');
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: reason.trim() ? { reason: reason.trim() } : {} })}>
      <Note>登记申请人以书面或口头方式撤回申请；办理结果计为“其他处理”。</Note>
      <TextField name="withdraw-reason" label="撤回说明" value={reason} multiline onChange={setReason} />
    </Frame>
  );
}

function ConfirmOnly({ note, busy, submitLabel, onSubmit }: FormProps & { note: string }) {
  return (
    <Frame busy={busy} submitLabel={submitLabel} onSubmit={() => onSubmit({ payload: {} })}>
      <Note>{note}</Note>
    </Frame>
  );
}

function CaseResultForm({ litigation, busy, submitLabel, onSubmit }: FormProps & { litigation: boolean }) {
  const [caseId, setCaseId] = useState('');
  const [result, setResult] = useState<ReviewResult>('pending');
  const [kind, setKind] = useState<'direct' | 'after_review'>('direct');
  const [error, setError] = useState<string>();
  return (
    <Frame
      busy={busy}
      submitLabel={submitLabel}
      error={error}
      onSubmit={() => (caseId.trim() ? onSubmit({ payload: { caseId: caseId.trim(), result, ...(litigation ? { kind } : {}) } }) : setError('请填写案件编号'))}
    >
      <TextField name="case-id" label="案件编号" value={caseId} onChange={setCaseId} placeholder={litigation ? '例：(2026)川0727行初12号' : '例：平府复〔2026〕3号'} />
      {litigation ? (
        <OptionChips
          options={[
            { value: 'direct', label: '未经复议直接起诉' },
            { value: 'after_review', label: '复议后起诉' },
          ]}
          value={kind}
          onChange={(v) => setKind(v)}
        />
      ) : null}
      <OptionChips options={reviewResults.map((r) => ({ value: r, label: reviewResultLabels[r] }))} value={result} onChange={(v) => setResult(v)} />
      <Note>计入年度报告第四部分（《条例》第五十一条）。</Note>
    </Frame>
  );
}

/** The form of an action, or null for those that open a page (decide). */
export function ActionForm(props: FormProps & { type: EventType }) {
  switch (props.type) {
    case 'confirm_receipt':
      return <ConfirmReceiptForm {...props} />;
    case 'request_correction':
      return <RequestCorrectionForm {...props} />;
    case 'correction_received':
      return <CorrectionReceivedForm {...props} />;
    case 'correction_expired':
      return <ConfirmOnly {...props} note={`补正期限（${props.detail.correction?.dueOn ?? ''}）已届满，申请人无正当理由逾期未补正的，视为放弃申请，本机关不再处理（《条例》第三十条）。`} />;
    case 'start_consultation':
      return <StartConsultationForm {...props} />;
    case 'end_consultation':
      return <EndConsultationForm {...props} />;
    case 'extend':
      return <ExtendForm {...props} />;
    case 'issue_fee_notice':
      return <FeeNoticeForm {...props} />;
    case 'fee_paid':
      return <ConfirmOnly {...props} note="申请人已按收费通知缴费：恢复计算答复期限。" />;
    case 'fee_expired':
      return <ConfirmOnly {...props} note="申请人逾期未按收费通知缴纳费用，本机关不再处理该申请（国办函〔2020〕109号）。" />;
    case 'assign':
      return <AssignForm {...props} />;
    case 'approve':
      return <ApproveForm {...props} />;
    case 'reject':
      return <RejectForm {...props} />;
    case 'deliver':
      return <DeliverForm {...props} />;
    case 'withdraw':
      return <WithdrawForm {...props} />;
    case 'close':
      return <ConfirmOnly {...props} note="答复已送达，归档办结。" />;
    case 'record_review_result':
      return <CaseResultForm {...props} litigation={false} />;
    case 'record_litigation_result':
      return <CaseResultForm {...props} litigation />;
    default:
      return null;
  }
}
