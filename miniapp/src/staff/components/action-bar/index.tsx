import { Text, View } from '@tarojs/components';
import type { EventType, LegalDate, Role, StaffActionBody, StaffRequestDetail } from '@zwgk/shared';
import { useState } from 'react';
import { cx } from '../../../components';
import { ApiError } from '../../../api/client';
import { staffEndpoints } from '../../api/staff-api';
import { offeredActions, pageActions } from '../../lib/actions';
import { uploadAttachment } from '../../lib/files';
import { ActionForm, type Submission } from './forms';
import './action-bar.css';

/** '确认告知补正', but '确认受理' stays as it is. */
const submitLabelOf = (label: string) => (label.startsWith('确认') ? label : `确认${label}`);

export interface ActionBarProps {
  detail: StaffRequestDetail;
  role: Role;
  today: LegalDate;
  /** The request after an action (the server's answer). */
  onChanged: (detail: StaffRequestDetail) => void;
  /** Someone else changed the request meanwhile (409): reload it. */
  onStale: () => void;
  /** Actions with a page of their own (拟定答复). */
  onOpenPage: (type: EventType) => void;
}

/**
 * The actions my role may take on this request now — the lifecycle's, and only those
 * (lib/actions.ts) — each opening its form under the buttons.
 */
export function ActionBar({ detail, role, today, onChanged, onStale, onOpenPage }: ActionBarProps) {
  const actions = offeredActions(detail.actions, detail.phase, role);
  const [open, setOpen] = useState<EventType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (type: EventType, { payload, attachments = [] }: Submission) => {
    setBusy(true);
    setError(undefined);
    try {
      // Documents first: a reply is never delivered without the files that go with it.
      for (const file of attachments) await uploadAttachment(detail.id, file, `答复附件：${file.name}`);
      const body = { ...payload, type, version: detail.version } as StaffActionBody;
      const next = await staffEndpoints.act(detail.id, body);
      setOpen(null);
      onChanged(next);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setError('该申请刚被他人更新，已重新载入，请核对后再操作。');
        onStale();
      } else setError(err instanceof Error ? err.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (actions.length === 0) {
    return (
      <View className="st-actions st-actions--empty">
        <Text className="st-actions__none">当前没有需要您办理的操作。</Text>
      </View>
    );
  }

  return (
    <View className="st-actions">
      <View className="st-actions__buttons">
        {actions.map((a) => (
          <View
            key={a.type}
            className={cx('st-actions__button', `st-actions__button--${a.type}`, open === a.type && 'st-actions__button--on')}
            data-action={a.type}
            hoverClass="st-actions__button--pressed"
            onClick={() => {
              setError(undefined);
              if (pageActions.includes(a.type)) onOpenPage(a.type);
              else setOpen(open === a.type ? null : a.type);
            }}
          >
            <Text className="st-actions__label">{a.label}</Text>
            {a.basis !== a.label ? <Text className="st-actions__basis">{a.basis}</Text> : null}
          </View>
        ))}
      </View>
      {error && !open ? <Text className="st-form__error">{error}</Text> : null}
      {open ? (
        <View className="st-actions__panel">
          <Text className="st-actions__panel-title">{actions.find((a) => a.type === open)?.label}</Text>
          <ActionForm key={open} type={open} detail={detail} today={today} busy={busy} submitLabel={submitLabelOf(actions.find((a) => a.type === open)?.label ?? '')} onSubmit={(s) => void submit(open, s)} />
          {error ? <Text className="st-form__error">{error}</Text> : null}
          <Text className="st-form__link st-actions__cancel" onClick={() => setOpen(null)}>
            取消
          </Text>
        </View>
      ) : null}
    </View>
  );
}
