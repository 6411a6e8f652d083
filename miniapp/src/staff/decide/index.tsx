import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  composeNotice,
  hasMissingSlot,
  noticeTemplate,
  outcome as outcomeOf,
  outcomeKeys,
  outcomeGroups,
  ruleFor,
  type NoticeExtras,
  type OutcomeKey,
  type StaffRequestDetail,
} from '@zwgk/shared';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { clearDraft, loadDraft, saveDraft } from '../../api/storage';
import { Card, EmptyState, LoadState, PageShell, PrimaryButton } from '../../components';
import { useData } from '../../hooks/use-data';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { AttachmentPicker } from '../components/action-bar/forms';
import { TextField } from '../components/field';
import { OutcomePicker } from '../components/outcome-picker';
import { offeredActions } from '../lib/actions';
import { decideRefusal, noticeFactsOf } from '../lib/decide';
import type { PickedFile } from '../lib/files';
import { uploadAttachment } from '../lib/files';
import { todayLegal } from '../lib/format';
import './index.css';

interface DecideDraft {
  outcome?: OutcomeKey;
  extras: NoticeExtras;
  /** The notice as edited by hand; undefined = as generated from the template. */
  edited?: string;
  legalBasis?: string;
}

// Decide (拟定答复): the outcome, picked from table 三's groups with its legal basis; the notice
// generated from the outcome's template with the request's facts, editable before it is sent;
// documents; and, where the body requires it, the reviewer's approval before delivery.
export default function StaffDecidePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const profile = useStaffProfile();
  const today = todayLegal();
  // Not re-read when shown again or on live events: the notice being drafted is checked against this version.
  const {
    data: detail,
    error,
    set: setDetail,
  } = useData((): Promise<StaffRequestDetail> => staffEndpoints.detail(id), [id], { enabled: profile !== undefined && id !== '', showAgain: false, fallback: '加载失败' });
  const [draft, setDraft] = useState<DecideDraft>(() => loadDraft<DecideDraft>(`decide.${id}`)?.value ?? { extras: {} });
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => saveDraft(`decide.${id}`, draft), [id, draft]);

  const refusals = useMemo(() => {
    if (!detail) return {};
    const out: Partial<Record<OutcomeKey, string>> = {};
    for (const key of outcomeKeys) {
      const reason = decideRefusal(key, detail, today);
      if (reason) out[key] = reason;
    }
    return out;
  }, [detail, today]);

  const generated = useMemo(
    () => (detail && draft.outcome ? composeNotice(draft.outcome, noticeFactsOf(detail, today), draft.extras) : undefined),
    [detail, draft.outcome, draft.extras, today],
  );

  if (error || !detail || !profile) {
    return (
      <PageShell title="拟定答复">
        <LoadState error={error} />
      </PageShell>
    );
  }

  const mayDecide = offeredActions(detail.actions, detail.phase, profile.role).some((a) => a.type === 'decide');
  if (!mayDecide) {
    return (
      <PageShell title="拟定答复">
        <EmptyState title="当前不能拟定答复" description={`申请状态：${detail.stateLabel}。拟定答复须在办理中，由承办人或经办人进行。`} />
      </PageShell>
    );
  }

  // Where the body needs no review, the one who decides may deliver at once (guards.ts: deliver from 'decided').
  const deliverNow = !detail.requiresReview && ruleFor('deliver').roles.includes(profile.role);
  const template = draft.outcome ? noticeTemplate(draft.outcome) : undefined;
  const text = draft.edited ?? generated?.text ?? '';
  const legalBasis = draft.legalBasis ?? generated?.legalBasis ?? '';
  const group = draft.outcome ? outcomeGroups.find((g) => g.group === outcomeOf(draft.outcome!).group) : undefined;
  const unfinished = hasMissingSlot(text);

  const update = (patch: Partial<DecideDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const send = async () => {
    if (!draft.outcome) return;
    if (unfinished) return void Taro.showToast({ title: '告知书中还有【请填写】的内容', icon: 'none' });
    setBusy(true);
    try {
      let next = await staffEndpoints.act(id, { type: 'decide', version: detail.version, outcome: draft.outcome, legalBasis, replyText: text });
      if (deliverNow) {
        for (const f of files) await uploadAttachment(id, f, `答复附件：${f.name}`);
        next = await staffEndpoints.act(id, { type: 'deliver', version: next.version, method: next.content.delivery });
      }
      clearDraft(`decide.${id}`);
      setDetail(next);
      void Taro.showToast({ title: deliverNow ? '答复已送达' : '已提交审核', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (err) {
      const msg = err instanceof ApiError && err.code === 'VERSION_CONFLICT' ? '该申请刚被他人更新，请返回核对后再拟定' : err instanceof Error ? err.message : '提交失败';
      void Taro.showModal({ title: '未能提交', content: msg, showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className="staff-decide" title="拟定答复" subtitle={`${detail.number} · ${detail.subject}`}>
      <Text className="staff-decide__step">1. 办理结果（与年度报告表三分类一致）</Text>
      <OutcomePicker value={draft.outcome} refusals={refusals} onChange={(o) => update({ outcome: o, edited: undefined, legalBasis: undefined })} />

      {draft.outcome && template && generated ? (
        <>
          <Text className="staff-decide__step">2. 告知书</Text>
          <Card title={`${group?.label ?? ''} · ${outcomeOf(draft.outcome).label}`}>
            <TextField name="legal-basis" label="法律依据" value={legalBasis} onChange={(v) => update({ legalBasis: v })} hint="拒绝公开、部分公开及不予处理的，须写明法律依据（《条例》第三十六条）。" />
            {template.extras.map((x) => (
              <TextField
                key={x.key}
                name={`extra-${x.key}`}
                label={`${x.label}${x.required ? '' : '（可选）'}`}
                value={draft.extras[x.key] ?? ''}
                placeholder={x.placeholder}
                multiline
                onChange={(v) => update({ extras: { ...draft.extras, [x.key]: v }, edited: undefined })}
              />
            ))}
          </Card>
          <Card title={template.title} extra={draft.edited !== undefined ? <Text className="staff-decide__regen" onClick={() => update({ edited: undefined })}>按模板重新生成</Text> : undefined}>
            <TextField name="notice" label="告知书全文（可直接修改）" value={text} multiline onChange={(v) => update({ edited: v })} />
            {unfinished ? <Text className="staff-decide__warn">告知书中还有【请填写】的内容，填写后才能提交。</Text> : null}
          </Card>

          <Text className="staff-decide__step">3. {deliverNow ? '附件与送达' : '审核与送达'}</Text>
          <Card>
            {deliverNow ? (
              <>
                <Text className="staff-decide__note">{`本机关答复无需审核：提交后立即按申请人选择的方式（${detail.content.deliveryLabel}）送达。`}</Text>
                <AttachmentPicker files={files} onChange={setFiles} />
              </>
            ) : (
              <Text className="staff-decide__note">本机关的答复须经审核人（政府信息公开工作机构负责人）审核通过后送达；提交后进入“答复待审核”，随答复提供的附件在送达时上传。</Text>
            )}
          </Card>
          <PrimaryButton loading={busy} disabled={unfinished} onClick={() => void send()}>
            {deliverNow ? '提交并送达答复' : '提交审核'}
          </PrimaryButton>
        </>
      ) : (
        <Text className="staff-decide__note">请选择办理结果，系统将按该结果的告知书模板生成答复。</Text>
      )}
    </PageShell>
  );
}
