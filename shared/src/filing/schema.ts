// The request form (条例第二十九条) as zod schemas with Chinese field-level messages. The server
// validates submissions with these and the mini-program validates its form with the same ones,
// so an applicant sees the same sentence on both sides. Pure zod: no DOM, no I/O.
import { z } from 'zod';
import { checkCreditCode } from '../identity/credit-code';
import { checkIdNumber } from '../identity/id-number';
import { checkPhone } from '../identity/phone';
import { deliveries, idTypes, media } from './options';

const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不超过${max}个字` });

// Forms send '' for a field left empty: treat blank as absent.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const optionalText = (label: string, max: number) =>
  optional(
    z
      .string({ error: `${label}应为文字` })
      .trim()
      .max(max, { error: `${label}不超过${max}个字` }),
  );

const phone = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .superRefine((v, ctx) => {
      const r = checkPhone(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    })
    .overwrite((v) => {
      const r = checkPhone(v);
      return r.ok ? r.normalized : v;
    });

const email = optional(z.string().trim().pipe(z.email({ error: '电子邮箱格式不正确' }).max(100, { error: '电子邮箱不超过100个字符' })));
const postalCode = optional(z.string().trim().regex(/^\d{6}$/, { error: '邮政编码应为6位数字' }));
const fax = optional(
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const r = checkPhone(v);
      if (!r.ok || r.kind !== 'landline') ctx.addIssue({ code: 'custom', message: '传真号码应为带区号的固定电话号码' });
    }),
);

/** Shape-level checks of the other identity documents (their numbering is not checksummed). */
const documentPatterns: Record<Exclude<(typeof idTypes)[number], 'resident_id'>, { pattern: RegExp; message: string }> = {
  passport: { pattern: /^[A-Z0-9]{5,20}$/, message: '护照号码应为5–20位字母或数字' },
  hk_macao_permit: { pattern: /^[HM]\d{8}(\d{2})?$/, message: '港澳居民来往内地通行证号码应为H或M开头加8位（或10位）数字' },
  taiwan_permit: { pattern: /^(\d{8}|\d{10}[A-Z]?)$/, message: '台湾居民来往大陆通行证号码应为8位数字（旧证10位）' },
  other: { pattern: /^[A-Z0-9()（）-]{4,30}$/, message: '证件号码应为4–30位字母或数字' },
};

export const naturalPersonSchema = z
  .object({
    applicantType: z.literal('natural_person'),
    name: required('姓名', 50),
    idType: z.enum(idTypes, { error: '请选择证件类型' }),
    idNumber: z
      .string({ error: '请填写证件号码' })
      .trim()
      .min(1, { error: '请填写证件号码' })
      .overwrite((v) => v.replace(/\s/g, ''))
      .toUpperCase(),
    phone: phone('联系电话'),
    address: optionalText('通信地址', 200),
    postalCode,
    email,
    fax,
  })
  .superRefine((v, ctx) => {
    if (typeof v.idNumber !== 'string' || v.idNumber === '') return;
    if (v.idType === 'resident_id') {
      const r = checkIdNumber(v.idNumber);
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
    } else if (v.idType) {
      const p = documentPatterns[v.idType];
      if (p && !p.pattern.test(v.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: p.message });
    }
  });

export const organisationSchema = z.object({
  applicantType: z.enum(['business', 'research', 'public_welfare', 'legal_service', 'other_org'], { error: '请选择申请人类型' }),
  name: required('单位名称', 100),
  creditCode: z
    .string({ error: '请填写统一社会信用代码' })
    .trim()
    .min(1, { error: '请填写统一社会信用代码' })
    .toUpperCase()
    .superRefine((v, ctx) => {
      const r = checkCreditCode(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    }),
  legalRepresentative: required('法定代表人或负责人', 50),
  contactName: required('联系人姓名', 50),
  contactPhone: phone('联系人电话'),
  address: optionalText('通信地址', 200),
  postalCode,
  email,
  fax,
});

export const applicantSchema = z.discriminatedUnion('applicantType', [naturalPersonSchema, organisationSchema], { error: '请选择申请人类型（公民或法人/其他组织）' });

export const filingSchema = z
  .object({
    applicant: applicantSchema,
    /** The receiving body (from the directory). */
    bodyId: z.string({ error: '请选择受理机关' }).trim().min(1, { error: '请选择受理机关' }),
    /** What information is wanted: enough for the body to find it (Art. 29 (二)). */
    description: z
      .string({ error: '请描述所需的政府信息' })
      .trim()
      .min(10, { error: '请具体描述所需的政府信息（至少10个字），如文件名称、文号、年份或其他便于查找的特征' })
      .max(2000, { error: '所需信息描述不超过2000个字；需要多项信息的，请分别申请（一事一申请）' }),
    documentTitle: optionalText('文件名称', 200),
    documentNumber: optionalText('文号', 100),
    medium: z.enum(media, { error: '请选择信息的提供形式（纸质、电子邮件、光盘或磁盘）' }),
    delivery: z.enum(deliveries, { error: '请选择获取信息的方式' }),
    /** Optional (用途 is not required since the 2019 revision). */
    purpose: optionalText('用途', 500),
    declaration: z.literal(true, { error: '请阅读并确认申请声明' }),
  })
  .superRefine((v, ctx) => {
    const a = v.applicant as Partial<{ address: string; email: string; fax: string }> | undefined;
    if ((v.delivery === 'post' || v.delivery === 'express') && !a?.address) {
      ctx.addIssue({ code: 'custom', path: ['applicant', 'address'], message: '选择邮寄或快递时，请填写通信地址' });
    }
    if (v.delivery === 'email' && !a?.email) ctx.addIssue({ code: 'custom', path: ['applicant', 'email'], message: '选择电子邮件方式时，请填写电子邮箱' });
    if (v.delivery === 'fax' && !a?.fax) ctx.addIssue({ code: 'custom', path: ['applicant', 'fax'], message: '选择传真方式时，请填写传真号码' });
    if (v.medium === 'email' && v.delivery && v.delivery !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['delivery'], message: '提供形式为电子邮件时，获取方式应选择电子邮件' });
    }
    if (v.delivery === 'email' && v.medium && v.medium !== 'email') {
      ctx.addIssue({ code: 'custom', path: ['medium'], message: '通过电子邮件获取时，提供形式应选择电子邮件' });
    }
    if (v.delivery === 'fax' && v.medium && v.medium !== 'paper') {
      ctx.addIssue({ code: 'custom', path: ['medium'], message: '通过传真获取时，提供形式应选择纸质' });
    }
  });

export type Filing = z.output<typeof filingSchema>;
export type FilingInput = z.input<typeof filingSchema>;
export type NaturalPersonApplicant = z.output<typeof naturalPersonSchema>;
export type OrganisationApplicant = z.output<typeof organisationSchema>;
export type Applicant = z.output<typeof applicantSchema>;
