// Personal data at rest (issue 4 §7): ID numbers and phones are stored encrypted with
// AES-256-GCM under config.piiKey, and never logged. GCM authenticates: a ciphertext that was
// altered (or encrypted under another key) fails to decrypt instead of yielding garbage.
//
//   encryptPii('510727199001011234') → 'v1.<iv base64url>.<ciphertext+tag base64url>'
//   decryptPii(stored)               → '510727199001011234'
//   piiFingerprint('510727199001011234') → keyed HMAC-SHA256 (base64url), for equality lookups
//                                          ("same ID number as before?") without decrypting.
//
// The key is process configuration: startServer/createApp call configurePii(config.piiKey)
// before anything else; calling encrypt/decrypt before that throws (no silent default key).
// "v1" names the format (AES-256-GCM, 96-bit random IV, 128-bit tag); a future key or
// algorithm gets "v2" and old values stay readable. The fingerprint key is derived from the
// PII key with HKDF so the two uses never share key material.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface PiiKeys {
  encryption: Buffer;
  fingerprint: Buffer;
}

let keys: PiiKeys | undefined;

/** Sets the key (32 bytes) used by encryptPii/decryptPii/piiFingerprint. Idempotent. */
export function configurePii(piiKey: Buffer): void {
  if (piiKey.length !== 32) throw new Error('PII key must be 32 bytes');
  if (keys && keys.encryption.equals(piiKey)) return;
  keys = {
    encryption: Buffer.from(piiKey),
    fingerprint: Buffer.from(hkdfSync('sha256', piiKey, Buffer.alloc(0), 'zwgk-pii-fingerprint-v1', 32)),
  };
}

function currentKeys(): PiiKeys {
  if (!keys) throw new Error('PII key not configured: call configurePii(config.piiKey) first');
  return keys;
}

/** Encrypts one value; each call uses a fresh random IV, so equal inputs give different outputs. */
export function encryptPii(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', currentKeys().encryption, iv, { authTagLength: TAG_BYTES });
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/** Decrypts a value made by encryptPii; throws on a malformed, altered or foreign ciphertext. */
export function decryptPii(stored: string): string {
  const parts = stored.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) throw new Error('not an encrypted personal-data value');
  const iv = Buffer.from(parts[1]!, 'base64url');
  const body = Buffer.from(parts[2]!, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('not an encrypted personal-data value');
  const decipher = createDecipheriv('aes-256-gcm', currentKeys().encryption, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // The crypto error says nothing useful and must not carry input around.
    throw new Error('personal-data value could not be decrypted (altered, or another key)');
  }
}

/** True when the string looks like an encryptPii output (for migrations and assertions). */
export function isEncryptedPii(value: unknown): value is string {
  return typeof value === 'string' && /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/.test(value);
}

/**
 * Keyed HMAC-SHA256 of a value (base64url, 43 chars): equal inputs give equal fingerprints,
 * and without the key nobody can test guesses (an 18-digit ID number has few enough
 * candidates that a plain hash would be brute-forced). Normalise before calling (e.g.
 * upper-case the ID number's check letter); `purpose` separates uses (`'idNumber'`, `'phone'`).
 */
export function piiFingerprint(value: string, purpose = ''): string {
  return createHmac('sha256', currentKeys().fingerprint).update(purpose).update('\u0000').update(value, 'utf8').digest('base64url');
}
