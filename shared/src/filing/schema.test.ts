import { z } from 'zod';
import { fieldErrors } from './errors';
import { descriptionHints } from './hints';
import { ONE_MATTER_HINT } from './options';
import { filingSchema, type FilingInput } from './schema';

const person = {
  applicantType: 'natural_person',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002x',
  phone: '138 1234 1234',
  address: '四川省绵阳市平武县龙安镇',
  email: 'zhangsan@example.com',
} as const;

const organisation = {
  applicantType: 'legal_service',
  name: '某某律师事务所',
  creditCode: '91350100m000100y43',
  legalRepresentative: '李四',
  contactName: '王五',
  contactPhone: '0816-8823456',
} as const;

const filing = (over: Partial<Record<keyof FilingInput, unknown>> = {}): unknown => ({
  applicant: person,
  bodyId: 'pingwu-gov',
  description: '平武县2023年度财政预算执行情况报告全文',
  medium: 'email',
  delivery: 'email',
  declaration: true,
  ...over,
});

const errorsOf = (value: unknown) => {
  const r = filingSchema.safeParse(value);
  if (r.success) return {};
  return fieldErrors(r.error);
};

describe('filing schema (Art. 29)', () => {
  it('accepts a complete natural-person request and normalises ID and phone', () => {
    const r = filingSchema.parse(filing());
    expect(r.applicant).toMatchObject({ idNumber: '11010519491231002X', phone: '13812341234' });
  });

  it('accepts an organisation and normalises its credit code', () => {
    const r = filingSchema.parse(filing({ applicant: organisation, medium: 'paper', delivery: 'pickup' }));
    expect(r.applicant).toMatchObject({ applicantType: 'legal_service', creditCode: '91350100M000100Y43', contactPhone: '0816-8823456' });
  });

  it('gives a Chinese message for each missing field of an empty form', () => {
    expect(errorsOf({ applicant: { applicantType: 'natural_person' } })).toEqual({
      'applicant.name': '请填写姓名',
      'applicant.idType': '请选择证件类型',
      'applicant.idNumber': '请填写证件号码',
      'applicant.phone': '请填写联系电话',
      bodyId: '请选择受理机关',
      description: '请描述所需的政府信息',
      medium: '请选择信息的提供形式（纸质、电子邮件、光盘或磁盘）',
      delivery: '请选择获取信息的方式',
      declaration: '请阅读并确认申请声明',
    });
    expect(errorsOf({ ...(filing() as object), applicant: undefined })).toEqual({ applicant: '请选择申请人类型（公民或法人/其他组织）' });
  });

  it('checks identity numbers by document type', () => {
    expect(errorsOf(filing({ applicant: { ...person, idNumber: '110105194912310021' } }))).toEqual({ 'applicant.idNumber': '居民身份证号码校验位不正确，请核对' });
    expect(errorsOf(filing({ applicant: { ...person, idType: 'passport', idNumber: 'E12345678' } }))).toEqual({});
    expect(errorsOf(filing({ applicant: { ...person, idType: 'hk_macao_permit', idNumber: 'H1234567' } }))['applicant.idNumber']).toContain('港澳居民来往内地通行证');
    expect(errorsOf(filing({ applicant: { ...organisation, creditCode: '91350100M000100Y44' }, medium: 'paper', delivery: 'pickup' }))).toEqual({
      'applicant.creditCode': '统一社会信用代码校验位不正确，请核对',
    });
    expect(errorsOf(filing({ applicant: { ...person, phone: '12345' } }))['applicant.phone']).toContain('11位手机号码');
  });

  it('asks for the address, e-mail or fax that the chosen delivery needs', () => {
    const bare = { ...person, address: '', email: '' };
    expect(errorsOf(filing({ applicant: bare, medium: 'paper', delivery: 'post' }))).toEqual({ 'applicant.address': '选择邮寄或快递时，请填写通信地址' });
    expect(errorsOf(filing({ applicant: bare, medium: 'email', delivery: 'email' }))).toEqual({ 'applicant.email': '选择电子邮件方式时，请填写电子邮箱' });
    expect(errorsOf(filing({ applicant: bare, medium: 'paper', delivery: 'fax' }))).toEqual({ 'applicant.fax': '选择传真方式时，请填写传真号码' });
    expect(errorsOf(filing({ applicant: bare, medium: 'paper', delivery: 'on_site' }))).toEqual({});
  });

  it('keeps medium and delivery consistent', () => {
    expect(errorsOf(filing({ medium: 'email', delivery: 'post' }))).toEqual({ delivery: '提供形式为电子邮件时，获取方式应选择电子邮件' });
    expect(errorsOf(filing({ medium: 'cd', delivery: 'email' }))).toEqual({ medium: '通过电子邮件获取时，提供形式应选择电子邮件' });
    expect(errorsOf(filing({ applicant: { ...person, fax: '028-86123456' }, medium: 'cd', delivery: 'fax' }))).toEqual({ medium: '通过传真获取时，提供形式应选择纸质' });
  });

  it('requires a usable description and the declaration; purpose and document number are optional', () => {
    expect(errorsOf(filing({ description: '预算' })).description).toContain('至少10个字');
    expect(errorsOf(filing({ declaration: false }))).toEqual({ declaration: '请阅读并确认申请声明' });
    expect(filingSchema.parse(filing({ purpose: '', documentNumber: '平府发〔2023〕1号' }))).toMatchObject({ purpose: undefined, documentNumber: '平府发〔2023〕1号' });
  });

  it('refuses a malformed e-mail address with a Chinese message', () => {
    expect(errorsOf(filing({ applicant: { ...person, email: 'zhangsan@' } }))).toEqual({ 'applicant.email': '电子邮箱格式不正确' });
  });

  it('can be described as JSON Schema (input side) for other clients', () => {
    const json = z.toJSONSchema(filingSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['applicant', 'bodyId', 'description', 'medium', 'delivery', 'declaration']));
  });
});

describe('one matter per request', () => {
  it('hints when the description enumerates several matters', () => {
    expect(descriptionHints('请提供：1、2023年预算；2、2023年决算')).toEqual([ONE_MATTER_HINT]);
    expect(descriptionHints('一是征收补偿方案，二是补偿标准')).toEqual([ONE_MATTER_HINT]);
    expect(descriptionHints('平武县2023年度财政预算执行情况报告全文')).toEqual([]);
  });
});
