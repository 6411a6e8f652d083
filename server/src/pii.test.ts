import { randomBytes } from 'node:crypto';
import { configurePii, decryptPii, encryptPii, isEncryptedPii, piiFingerprint } from './pii';

const KEY = randomBytes(32);

beforeEach(() => configurePii(KEY));

test('round trip of ID numbers, phones and Chinese text', () => {
  for (const value of ['510727199001011234', '13800138000', '四川省绵阳市平武县龙安镇', '']) {
    const stored = encryptPii(value);
    expect(isEncryptedPii(stored)).toBe(true);
    expect(stored).not.toContain(value || '\u0000');
    expect(decryptPii(stored)).toBe(value);
  }
});

test('a fresh IV each time: the same value encrypts differently', () => {
  const a = encryptPii('13800138000');
  const b = encryptPii('13800138000');
  expect(a).not.toBe(b);
  expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
});

test('an altered ciphertext, IV or tag is refused, not decrypted to garbage', () => {
  const stored = encryptPii('510727199001011234');
  const [v, iv, body] = stored.split('.') as [string, string, string];
  const flip = (s: string, i: number) => {
    const buf = Buffer.from(s, 'base64url');
    buf[i] = buf[i]! ^ 1;
    return buf.toString('base64url');
  };
  expect(() => decryptPii(`${v}.${flip(iv, 0)}.${body}`)).toThrow(/could not be decrypted/);
  expect(() => decryptPii(`${v}.${iv}.${flip(body, 0)}`)).toThrow(/could not be decrypted/);
  expect(() => decryptPii(`${v}.${iv}.${flip(body, Buffer.from(body, 'base64url').length - 1)}`)).toThrow(/could not be decrypted/);
  expect(() => decryptPii(`v2.${iv}.${body}`)).toThrow(/not an encrypted/);
  expect(() => decryptPii('510727199001011234')).toThrow(/not an encrypted/);
});

test('another key cannot decrypt', () => {
  const stored = encryptPii('13800138000');
  configurePii(randomBytes(32));
  expect(() => decryptPii(stored)).toThrow(/could not be decrypted/);
});

test('fingerprints: equal for equal values, differ by value, purpose and key', () => {
  const f = piiFingerprint('510727199001011234', 'idNumber');
  expect(f).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(piiFingerprint('510727199001011234', 'idNumber')).toBe(f);
  expect(piiFingerprint('510727199001011235', 'idNumber')).not.toBe(f);
  expect(piiFingerprint('510727199001011234', 'phone')).not.toBe(f);
  configurePii(randomBytes(32));
  expect(piiFingerprint('510727199001011234', 'idNumber')).not.toBe(f);
});

test('a key of the wrong length is refused', () => {
  expect(() => configurePii(randomBytes(16))).toThrow(/32 bytes/);
});
