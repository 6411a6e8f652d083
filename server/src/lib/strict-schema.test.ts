import { z } from 'zod';
import { filingSchema } from '@zwgk/shared';
import { deepStrict } from './strict-schema';

const good = {
  applicant: { applicantType: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13812345678' },
  bodyId: 'pingwu-gov-office',
  description: '请提供2025年本县财政预算报告全文',
  medium: 'paper',
  delivery: 'pickup',
  declaration: true,
};

describe('deepStrict', () => {
  const strict = deepStrict(filingSchema);

  it('accepts what the original accepts', () => {
    expect(strict.safeParse(good).success).toBe(true);
    expect(filingSchema.safeParse(good).success).toBe(true);
  });

  it('refuses unknown keys at the top and inside a discriminated union, in Chinese', () => {
    const top = strict.safeParse({ ...good, extra: 1 });
    expect(top.success).toBe(false);
    expect(top.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: [], message: '不支持的字段：extra' });
    const nested = strict.safeParse({ ...good, applicant: { ...good.applicant, $gt: '' } });
    expect(nested.error!.issues[0]).toMatchObject({ path: ['applicant'], message: '不支持的字段：$gt' });
    // The original silently drops them.
    expect(filingSchema.safeParse({ ...good, extra: 1 }).success).toBe(true);
  });

  it('keeps refinements and their messages', () => {
    const r = strict.safeParse({ ...good, applicant: { ...good.applicant, idNumber: '110105194912310021' } });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['applicant.idNumber', '居民身份证号码校验位不正确，请核对']]);
    const post = strict.safeParse({ ...good, delivery: 'post' });
    expect(post.error!.issues[0]!.message).toBe('选择邮寄或快递时，请填写通信地址');
  });

  it('goes through optional, array and keeps custom object errors', () => {
    const s = deepStrict(z.object({ list: z.array(z.object({ a: z.string() })).optional() }, { error: '应为对象' }));
    expect(s.safeParse({ list: [{ a: 'x', b: 1 }] }).error!.issues[0]).toMatchObject({ path: ['list', 0], message: '不支持的字段：b' });
    expect(s.safeParse('nope').error!.issues[0]!.message).toBe('应为对象');
  });

  it('goes into record values, and leaves a z.looseObject open where it says so', () => {
    const s = deepStrict(z.object({ byKey: z.record(z.string(), z.object({ n: z.number() })), more: z.looseObject({ id: z.string(), inner: z.object({ a: z.string() }) }) }));
    const good = { byKey: { x: { n: 1 } }, more: { id: 'i', inner: { a: 'a' }, extra: true } };
    expect(s.safeParse(good).success).toBe(true);
    expect(s.safeParse({ ...good, byKey: { x: { n: 1, m: 2 } } }).error!.issues[0]).toMatchObject({ path: ['byKey', 'x'], code: 'unrecognized_keys' });
    expect(s.safeParse({ ...good, more: { ...good.more, inner: { a: 'a', b: 1 } } }).error!.issues[0]).toMatchObject({ path: ['more', 'inner'], code: 'unrecognized_keys' });
  });
});
