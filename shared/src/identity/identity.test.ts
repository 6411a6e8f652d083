import fc from 'fast-check';
import { checkCreditCode, creditCodeCheckCharacter, isValidCreditCode } from './credit-code';
import { checkIdNumber, idCheckCharacter, isValidIdNumber } from './id-number';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from './mask';
import { checkPhone } from './phone';

// Check characters computed here from the standards' weights, independently of the code under test.
function gb11643(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11]!;
}
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function gb32100(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + CHARSET.indexOf(c) * (3 ** i % 31), 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

describe('citizen identity number (GB 11643)', () => {
  it('accepts the standard’s example numbers', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', regionCode: '110105' });
    expect(checkIdNumber('440524188001010014')).toMatchObject({ ok: true, birthDate: '1880-01-01', sex: 'male' });
    expect(isValidIdNumber('11010519491231002x')).toBe(true); // lower-case x is normalised
  });

  it('accepts numbers whose check character is computed from the weights', () => {
    for (const first17 of ['51010419900101123', '51072219850615002', '44030420001231456', '65010219700228001']) {
      const id = first17 + gb11643(first17);
      expect(idCheckCharacter(first17)).toBe(gb11643(first17));
      expect(checkIdNumber(id)).toMatchObject({ ok: true, normalized: id });
    }
  });

  it('refuses any single changed digit (the check catches it)', () => {
    const id = '51010419900101123' + gb11643('51010419900101123');
    for (let i = 0; i < 17; i++) {
      const d = (Number(id[i]) + 1) % 10;
      const changed = id.slice(0, i) + d + id.slice(i + 1);
      expect(isValidIdNumber(changed)).toBe(false);
    }
  });

  it('refuses impossible birth dates, unknown provinces, 15-digit numbers and bad shapes with a reason', () => {
    const make = (first17: string) => first17 + gb11643(first17);
    expect(checkIdNumber(make('51010419900230123'))).toEqual({ ok: false, reason: '居民身份证号码中的出生日期不正确' });
    expect(checkIdNumber(make('51010420300101123'), { today: '2025-01-01' })).toEqual({ ok: false, reason: '居民身份证号码中的出生日期不正确' });
    expect(checkIdNumber(make('99010419900101123'))).toEqual({ ok: false, reason: '居民身份证号码的地址码不正确' });
    expect(checkIdNumber('510104900101123')).toMatchObject({ ok: false, reason: expect.stringContaining('18位') });
    expect(checkIdNumber('51010419900101123Y')).toMatchObject({ ok: false });
    expect(checkIdNumber('510104199001011234')).toEqual({ ok: false, reason: '居民身份证号码校验位不正确，请核对' });
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts the standard’s example and published codes of well-known companies', () => {
    for (const code of [
      '91350100M000100Y43', // GB 32100-2015 example
      '914403001922038216', // 华为技术有限公司
      '91440300708461136T', // 深圳市腾讯计算机系统有限公司
      '91110108551385082Q', // 小米科技有限责任公司
      '91330100799655058B',
    ]) {
      expect(checkCreditCode(code)).toMatchObject({ ok: true, normalized: code });
    }
  });

  it('matches the check character computed from the standard’s weights, for random codes', () => {
    const char = fc.constantFrom(...CHARSET);
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(
      fc.property(fc.tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 })), ([a, b, c]) => {
        const first17 = [...a, ...b, ...c].join('');
        expect(creditCodeCheckCharacter(first17)).toBe(gb32100(first17));
        expect(isValidCreditCode(first17 + gb32100(first17))).toBe(true);
        const wrong = CHARSET[(CHARSET.indexOf(gb32100(first17)) + 1) % 31]!;
        expect(isValidCreditCode(first17 + wrong)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bad lengths, letters outside the set and non-digit region codes with a reason', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
    expect(checkCreditCode('91350100M000100I43')).toMatchObject({ ok: false, reason: expect.stringContaining('不含I、O、S、V、Z') });
    expect(checkCreditCode('91A50100M000100Y43')).toMatchObject({ ok: false, reason: expect.stringContaining('第3–8位') });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: '统一社会信用代码校验位不正确，请核对' });
    expect(checkCreditCode(' 91350100m000100y43 ')).toMatchObject({ ok: true, normalized: '91350100M000100Y43' });
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812341234', 'mobile', '13812341234'],
    ['138 1234 1234', 'mobile', '13812341234'],
    ['+86 138-1234-1234', 'mobile', '13812341234'],
    ['19912341234', 'mobile', '19912341234'],
    ['028-62345678', 'landline', '028-62345678'],
    ['02862345678', 'landline', '028-62345678'],
    ['010-62345678', 'landline', '010-62345678'],
    ['0816-2345678', 'landline', '0816-2345678'],
    ['(0816)23456789', 'landline', '0816-23456789'],
    ['028-62345678转801', 'landline', '028-62345678-801'],
  ])('%s is a %s number', (input, kind, normalized) => {
    expect(checkPhone(input)).toEqual({ ok: true, kind, normalized });
  });

  // Local numbers never start with 0 or 1 (028-12345678 is not a real number).
  it.each(['12812341234', '1381234123', '12345', '400-123-4567', '028-6234567', '028-12345678', '28-62345678', 'abc'])('%s is refused', (input) => {
    expect(checkPhone(input)).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});

describe('masking', () => {
  it('masks ID numbers 4 + 10 + 4, and other documents proportionally', () => {
    expect(maskIdNumber('510104199001011234')).toBe('5101**********1234');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('abc')).toBe('***');
  });

  it('masks phones', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('028-12345678')).toBe('028-****5678');
  });

  it('masks names, e-mail addresses and addresses', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('阿依古丽·买买提')).toBe('阿***·***');
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskEmail('zhangsan@example.com')).toBe('zh******@example.com');
    expect(maskEmail('a@b.cn')).toBe('a@b.cn');
    expect(maskAddress('四川省绵阳市平武县龙安镇某街1号')).toBe('四川省绵阳市****');
  });

  it('never reveals the middle of an ID number', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 30, unit: fc.constantFrom(...'0123456789X') }), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(4, -4)).toMatch(/^\**$/);
      }),
    );
  });
});
