import { Text, View } from '@tarojs/components';
import {
  applicantTypes,
  channelLabels,
  channels,
  deliveries,
  deliveryLabels,
  formatChineseDate,
  idTypeLabels,
  idTypes,
  media,
  mediumLabels,
  ONE_MATTER_HINT,
  REPLY_PERIOD,
  isLegalDate,
  type ApplicantType,
  type OfflineChannel,
  type RegisterOfflineResponse,
} from '@zwgk/shared';
import { useState } from 'react';
import { useCalendar } from '../../api/calendar';
import { ApiError, fieldErrors } from '../../api/client';
import { Card, OptionChips, PageShell, PrimaryButton } from '../../components';
import { openPage } from '../../navigation';
import { useStaffProfile } from '../api/session';
import { staffEndpoints } from '../api/staff-api';
import { DateField, TextField } from '../components/field';
import { todayLegal } from '../lib/format';
import './index.css';

const offlineChannels = channels.filter((c): c is OfflineChannel => c !== 'online');

interface Form {
  channel: OfflineChannel;
  receivedOn: string;
  applicantType: ApplicantType;
  name: string;
  idType: (typeof idTypes)[number];
  idNumber: string;
  phone: string;
  creditCode: string;
  legalRepresentative: string;
  contactName: string;
  address: string;
  postalCode: string;
  email: string;
  fax: string;
  description: string;
  documentTitle: string;
  documentNumber: string;
  medium: (typeof media)[number];
  delivery: (typeof deliveries)[number];
  purpose: string;
  /** Same key for every retry of this registration: the server creates it once. */
  idempotencyKey: string;
}

function newKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 24 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

const blank = (today: string): Form => ({
  channel: 'in_person',
  receivedOn: today,
  applicantType: 'natural_person',
  name: '',
  idType: 'resident_id',
  idNumber: '',
  phone: '',
  creditCode: '',
  legalRepresentative: '',
  contactName: '',
  address: '',
  postalCode: '',
  email: '',
  fax: '',
  description: '',
  documentTitle: '',
  documentNumber: '',
  medium: 'paper',
  delivery: 'post',
  purpose: '',
  idempotencyKey: newKey(),
});

// Register a request that came by counter, post, fax, e-mail or orally (the office fills in the
// form for an oral request, Art. 29). Its receipt date is the one Art. 31 gives for the channel,
// and the 20-working-day clock starts from it at once.
export default function StaffRegisterPage() {
  const profile = useStaffProfile();
  const today = todayLegal();
  const calendar = useCalendar();
  const [form, setForm] = useState<Form>(() => blank(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RegisterOfflineResponse>();

  // Not saved as a draft on the device: it holds another person's ID number and phone.
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const person = form.applicantType === 'natural_person';
  const err = (field: string) => errors[field];

  const submit = async () => {
    if (!profile) return;
    setBusy(true);
    setErrors({});
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    const applicant = person
      ? { applicantType: 'natural_person' as const, name: form.name, idType: form.idType, idNumber: form.idNumber, phone: form.phone, address: optional(form.address), postalCode: optional(form.postalCode), email: optional(form.email), fax: optional(form.fax) }
      : {
          applicantType: form.applicantType as Exclude<ApplicantType, 'natural_person'>,
          name: form.name,
          creditCode: form.creditCode,
          legalRepresentative: form.legalRepresentative,
          contactName: form.contactName,
          contactPhone: form.phone,
          address: optional(form.address),
          postalCode: optional(form.postalCode),
          email: optional(form.email),
          fax: optional(form.fax),
        };
    try {
      const answer = await staffEndpoints.register(
        {
          applicant,
          bodyId: profile.body.id,
          description: form.description,
          documentTitle: optional(form.documentTitle),
          documentNumber: optional(form.documentNumber),
          medium: form.medium,
          delivery: form.delivery,
          purpose: optional(form.purpose),
          // The applicant signed the declaration on the paper form (or confirmed it orally).
          declaration: true,
          channel: form.channel,
          receivedOn: form.receivedOn,
        },
        form.idempotencyKey,
      );
      setDone(answer);
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = fieldErrors(e);
        // Organisations' phone is `contactPhone` in the filing schema; the form has one phone field.
        if (fields['applicant.contactPhone']) fields['applicant.phone'] = fields['applicant.contactPhone'];
        setErrors(Object.keys(fields).length ? fields : { '': e.message });
      } else setErrors({ '': '登记失败，请重试' });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PageShell title="登记完成" className="staff-register">
        <Card title="已登记并受理">
          <View className="staff-register__done">
            <Text className="staff-register__label">申请编号</Text>
            <Text className="staff-register__big">{done.number}</Text>
            <Text className="staff-register__label">查询码（请告知申请人，仅显示这一次）</Text>
            <Text className="staff-register__big">{done.queryCode}</Text>
            <Text className="staff-register__note">{`收到申请日期：${done.request.receivedOn ? formatChineseDate(done.request.receivedOn) : ''}；答复期限：${done.request.dueOn ? formatChineseDate(done.request.dueOn) : ''}（20个工作日，《条例》第三十三条）。`}</Text>
          </View>
        </Card>
        <PrimaryButton onClick={() => openPage('staffRequest', { id: done.request.id })}>打开该申请</PrimaryButton>
        <PrimaryButton
          variant="secondary"
          onClick={() => {
            setDone(undefined);
            setForm(blank(today));
          }}
        >
          继续登记
        </PrimaryButton>
      </PageShell>
    );
  }

  return (
    <PageShell title="登记来件" subtitle="当面、口头、邮寄、传真、电子邮件提交的申请" className="staff-register">
      <Card title="来件方式与收到日期">
        <OptionChips options={offlineChannels.map((c) => ({ value: c, label: channelLabels[c].label }))} value={form.channel} onChange={(v) => set({ channel: v })} />
        <DateField
          name="received-on"
          label="收到申请日期"
          hint={`${channelLabels[form.channel].receiptRule}（《条例》第三十一条）。${isLegalDate(form.receivedOn) ? `答复期限：${formatChineseDate(calendar.addWorkingDays(form.receivedOn, REPLY_PERIOD))}（${REPLY_PERIOD}个工作日）。` : ''}`}
          value={form.receivedOn}
          end={today}
          error={err('receivedOn')}
          onChange={(v) => set({ receivedOn: v })}
        />
      </Card>

      <Card title="申请人">
        <OptionChips options={applicantTypes.map((t) => ({ value: t.key, label: t.key === 'natural_person' ? '公民' : t.label }))} value={form.applicantType} onChange={(v) => set({ applicantType: v })} />
        <TextField name="name" label={person ? '姓名' : '单位名称'} value={form.name} error={err('applicant.name')} onChange={(v) => set({ name: v })} />
        {person ? (
          <>
            <OptionChips options={idTypes.map((t) => ({ value: t, label: idTypeLabels[t] }))} value={form.idType} onChange={(v) => set({ idType: v })} />
            <TextField name="id-number" label="证件号码" value={form.idNumber} error={err('applicant.idNumber')} onChange={(v) => set({ idNumber: v })} />
          </>
        ) : (
          <>
            <TextField name="credit-code" label="统一社会信用代码" value={form.creditCode} error={err('applicant.creditCode')} onChange={(v) => set({ creditCode: v })} />
            <TextField name="legal-rep" label="法定代表人或负责人" value={form.legalRepresentative} error={err('applicant.legalRepresentative')} onChange={(v) => set({ legalRepresentative: v })} />
            <TextField name="contact-name" label="联系人姓名" value={form.contactName} error={err('applicant.contactName')} onChange={(v) => set({ contactName: v })} />
          </>
        )}
        <TextField name="phone" label={person ? '联系电话' : '联系人电话'} value={form.phone} error={err('applicant.phone')} onChange={(v) => set({ phone: v })} />
        <TextField name="address" label="通信地址" value={form.address} error={err('applicant.address')} onChange={(v) => set({ address: v })} />
        <TextField name="postal-code" label="邮政编码" value={form.postalCode} error={err('applicant.postalCode')} onChange={(v) => set({ postalCode: v })} />
        <TextField name="email" label="电子邮箱" value={form.email} error={err('applicant.email')} onChange={(v) => set({ email: v })} />
        <TextField name="fax" label="传真" value={form.fax} error={err('applicant.fax')} onChange={(v) => set({ fax: v })} />
      </Card>

      <Card title="所需信息">
        <Text className="staff-register__note">{ONE_MATTER_HINT}</Text>
        <TextField name="description" label="所需政府信息的内容描述" value={form.description} multiline error={err('description')} onChange={(v) => set({ description: v })} />
        <TextField name="document-title" label="文件名称（可选）" value={form.documentTitle} error={err('documentTitle')} onChange={(v) => set({ documentTitle: v })} />
        <TextField name="document-number" label="文号（可选）" value={form.documentNumber} error={err('documentNumber')} onChange={(v) => set({ documentNumber: v })} />
        <Text className="st-field__label">提供形式</Text>
        <OptionChips options={media.map((m) => ({ value: m, label: mediumLabels[m] }))} value={form.medium} onChange={(v) => set({ medium: v })} />
        {err('medium') ? <Text className="staff-register__error">{err('medium')}</Text> : null}
        <Text className="st-field__label">获取方式</Text>
        <OptionChips options={deliveries.map((d) => ({ value: d, label: deliveryLabels[d] }))} value={form.delivery} onChange={(v) => set({ delivery: v })} />
        {err('delivery') ? <Text className="staff-register__error">{err('delivery')}</Text> : null}
        <TextField name="purpose" label="用途（可选）" value={form.purpose} error={err('purpose')} onChange={(v) => set({ purpose: v })} />
      </Card>

      {errors[''] ? <Text className="staff-register__error">{errors['']}</Text> : null}
      {Object.keys(errors).length > 0 && !errors[''] ? <Text className="staff-register__error">请按提示修改标红的内容</Text> : null}
      <PrimaryButton loading={busy} onClick={() => void submit()}>
        登记并受理
      </PrimaryButton>
    </PageShell>
  );
}
