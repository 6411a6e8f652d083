// The questions of the guided filing, in the order they are asked (条例第二十九条: who applies,
// what information, in which form and how to get it). One field per question; a question is
// asked only when it applies (an organisation is not asked for an ID card).
import {
  applicantTypes,
  deliveries,
  deliveryLabels,
  idTypeLabels,
  idTypes,
  media,
  mediumLabels,
  ONE_MATTER_HINT,
  type BodyDirectoryEntry,
} from '@zwgk/shared';
import type { ChipOption } from '../../components';
import { isPerson, type FieldPath, type FilingValues } from './fields';
import type { SavedIdentity } from '../../identities';

export type StepId =
  | 'body'
  | 'savedIdentity'
  | 'applicantType'
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'phone'
  | 'orgName'
  | 'creditCode'
  | 'legalRepresentative'
  | 'contactName'
  | 'contactPhone'
  | 'documentTitle'
  | 'documentNumber'
  | 'description'
  | 'medium'
  | 'delivery'
  | 'address'
  | 'email'
  | 'fax'
  | 'purpose';

/** What a question needs to know besides the answers. */
export interface StepContext {
  bodies: ReadonlyArray<BodyDirectoryEntry>;
  identities: ReadonlyArray<SavedIdentity>;
}

export type StepKind = 'body' | 'choice' | 'text' | 'textarea';

export interface Step {
  id: StepId;
  /** The answer's field; undefined for the saved-identity choice (it fills several). */
  field?: FieldPath;
  kind: StepKind;
  question: string;
  hint?: string;
  /** The question may be skipped (跳过) — only where the regulation does not ask for it. */
  optional?: boolean;
  placeholder?: string;
  /** Keyboard: 'idcard' shows the X key on WeChat. */
  inputType?: 'text' | 'number' | 'idcard' | 'digit';
  options?: (ctx: StepContext) => ReadonlyArray<ChipOption<string>>;
  applies: (values: FilingValues, ctx: StepContext) => boolean;
  /** How the answer reads in the citizen's bubble. */
  display?: (value: string, ctx: StepContext) => string;
}

const always = () => true;
const person = (v: FilingValues) => isPerson(v);
const organisation = (v: FilingValues) => !isPerson(v);

const applicantTypeOptions: ReadonlyArray<ChipOption<string>> = applicantTypes.map((t) =>
  t.key === 'natural_person' ? { value: t.key, label: '个人（公民）' } : { value: t.key, label: t.key === 'other_org' ? '其他组织' : t.label },
);
const idTypeOptions: ReadonlyArray<ChipOption<string>> = idTypes.map((t) => ({ value: t, label: idTypeLabels[t] }));
const mediumOptions: ReadonlyArray<ChipOption<string>> = media.map((m) => ({ value: m, label: mediumLabels[m] }));
const deliveryOptions: ReadonlyArray<ChipOption<string>> = deliveries.map((d) => ({ value: d, label: deliveryLabels[d] }));

const labelOf = (options: ReadonlyArray<ChipOption<string>>) => (value: string) => options.find((o) => o.value === value)?.label ?? value;

export const NEW_IDENTITY = 'new';

export const steps: ReadonlyArray<Step> = [
  {
    id: 'body',
    field: 'bodyId',
    kind: 'body',
    question: '您好！我来帮您一步步填写政府信息公开申请。首先，您要向哪个机关申请？',
    hint: '向制作或保存该信息的机关申请，办理最快。不确定时可以选择县政府办公室。',
    applies: always,
    display: (id, ctx) => ctx.bodies.find((b) => b.id === id)?.name ?? id,
  },
  {
    id: 'savedIdentity',
    kind: 'choice',
    question: '要使用以前保存的申请人信息吗？',
    options: (ctx) => [
      ...ctx.identities.map((i) => ({ value: i.id, label: i.label, hint: i.detail })),
      { value: NEW_IDENTITY, label: '填写新的申请人信息' },
    ],
    applies: (_v, ctx) => ctx.identities.length > 0,
    display: (id, ctx) => ctx.identities.find((i) => i.id === id)?.label ?? '填写新的申请人信息',
  },
  {
    id: 'applicantType',
    field: 'applicant.applicantType',
    kind: 'choice',
    question: '您以什么身份申请？',
    hint: '公民、法人和其他组织都可以申请（《条例》第二十七条）。',
    options: () => applicantTypeOptions,
    applies: always,
    display: labelOf(applicantTypeOptions),
  },
  { id: 'name', field: 'applicant.name', kind: 'text', question: '请问您的姓名？', placeholder: '与证件上的姓名一致', applies: person },
  {
    id: 'idType',
    field: 'applicant.idType',
    kind: 'choice',
    question: '您使用哪种身份证件？',
    options: () => idTypeOptions,
    applies: person,
    display: labelOf(idTypeOptions),
  },
  { id: 'idNumber', field: 'applicant.idNumber', kind: 'text', question: '请输入证件号码', placeholder: '证件号码', inputType: 'idcard', applies: person },
  {
    id: 'phone',
    field: 'applicant.phone',
    kind: 'text',
    question: '您的联系电话？',
    hint: '机关会通过这个号码联系您。',
    placeholder: '手机号码，或带区号的固定电话',
    applies: person,
  },
  { id: 'orgName', field: 'applicant.name', kind: 'text', question: '单位名称是什么？', placeholder: '与营业执照或登记证书一致', applies: organisation },
  {
    id: 'creditCode',
    field: 'applicant.creditCode',
    kind: 'text',
    question: '单位的统一社会信用代码？',
    placeholder: '18位代码',
    applies: organisation,
  },
  { id: 'legalRepresentative', field: 'applicant.legalRepresentative', kind: 'text', question: '法定代表人或负责人的姓名？', applies: organisation },
  { id: 'contactName', field: 'applicant.contactName', kind: 'text', question: '联系人姓名？', applies: organisation },
  {
    id: 'contactPhone',
    field: 'applicant.contactPhone',
    kind: 'text',
    question: '联系人电话？',
    placeholder: '手机号码，或带区号的固定电话',
    applies: organisation,
  },
  {
    id: 'documentTitle',
    field: 'documentTitle',
    kind: 'text',
    question: '您需要的信息，知道文件名称吗？',
    hint: '例如《平武县2023年财政预算执行情况报告》。不知道可以跳过。',
    placeholder: '文件名称（选填）',
    optional: true,
    applies: always,
  },
  {
    id: 'documentNumber',
    field: 'documentNumber',
    kind: 'text',
    question: '知道文号吗？',
    hint: '例如“平府发〔2023〕1号”。不知道可以跳过。',
    placeholder: '文号（选填）',
    optional: true,
    applies: always,
  },
  {
    id: 'description',
    field: 'description',
    kind: 'textarea',
    question: '请具体描述您需要的政府信息',
    hint: `写清内容、年份或时间范围、涉及的地点或项目等便于查找的特征（《条例》第二十九条）。${ONE_MATTER_HINT}`,
    placeholder: '例如：平武县2023年度财政预算执行情况报告全文',
    applies: always,
  },
  {
    id: 'medium',
    field: 'medium',
    kind: 'choice',
    question: '希望以什么形式获得这些信息？',
    options: () => mediumOptions,
    applies: always,
    display: labelOf(mediumOptions),
  },
  {
    id: 'delivery',
    field: 'delivery',
    kind: 'choice',
    question: '希望通过什么方式获取？',
    options: () => deliveryOptions,
    applies: always,
    display: labelOf(deliveryOptions),
  },
  {
    id: 'address',
    field: 'applicant.address',
    kind: 'text',
    question: '请填写通信地址',
    hint: '信息将邮寄到这个地址。',
    placeholder: '省、市、县（区）、街道和门牌号',
    applies: (v) => v.delivery === 'post' || v.delivery === 'express',
  },
  {
    id: 'email',
    field: 'applicant.email',
    kind: 'text',
    question: '请填写电子邮箱',
    placeholder: 'name@example.com',
    applies: (v) => v.delivery === 'email',
  },
  {
    id: 'fax',
    field: 'applicant.fax',
    kind: 'text',
    question: '请填写传真号码',
    placeholder: '带区号，如 0816-8822122',
    applies: (v) => v.delivery === 'fax',
  },
  {
    id: 'purpose',
    field: 'purpose',
    kind: 'textarea',
    question: '最后，愿意说明一下用途吗？',
    hint: '《条例》已不要求说明用途，可以直接跳过。',
    placeholder: '用途（选填）',
    optional: true,
    applies: always,
  },
];

export const stepById = new Map<StepId, Step>(steps.map((s) => [s.id, s]));

export function step(id: StepId): Step {
  return stepById.get(id)!;
}

/** The questions that apply to these answers, in order. */
export function applicableSteps(values: FilingValues, ctx: StepContext): Step[] {
  return steps.filter((s) => s.applies(values, ctx));
}

/** Which question asked for a field the schema reports on ('applicant' = the type itself). */
export function stepForField(field: string, values: FilingValues, ctx: StepContext): Step | undefined {
  const path = field === 'applicant' ? 'applicant.applicantType' : field;
  return applicableSteps(values, ctx).find((s) => s.field === path);
}
