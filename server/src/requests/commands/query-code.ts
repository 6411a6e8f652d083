// 查询码: with the 申请编号 it lets anyone holding the receipt see the status without signing in.
// The code is derived from the request id with the server's key (keyed HMAC, pii.ts
// piiFingerprint), so the identical response to a retried submission (same Idempotency-Key) can
// carry it again although it is never stored; what is stored is another keyed hash of it (a
// leaked database without the key reveals nothing, and 10 characters of a 32-letter alphabet —
// 50 bits — cannot be guessed online through the rate-limited lookup).
import { timingSafeEqual } from 'node:crypto';
import { piiFingerprint } from '../../pii';

/** No 0/O, 1/I: read from paper and typed on a phone. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;

/** The 查询码 of a request (deterministic per request id and key). */
export function queryCodeFor(requestId: string): string {
  const mac = Buffer.from(piiFingerprint(requestId, 'query-code-derive'), 'base64url');
  // 256 is a multiple of 32: `byte & 31` is uniform.
  return Array.from(mac.subarray(0, QUERY_CODE_LENGTH), (b) => ALPHABET[b & 31]).join('');
}

/** Upper-cases and drops spaces/dashes people type; does not validate. */
export function normaliseQueryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashQueryCode(code: string): string {
  return piiFingerprint(normaliseQueryCode(code), 'query-code-hash');
}

export function queryCodeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashQueryCode(code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
