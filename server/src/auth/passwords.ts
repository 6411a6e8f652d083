// Staff passwords: argon2id (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1 — the OWASP
// minimum), verified in a worker thread of the native module so the event loop stays free.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies `password` against `passwordHash`; with no hash (unknown user) it verifies against
 * a throw-away hash, so an unknown username costs the same time as a wrong password.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hash(randomBytes(16).toString('hex'))));
  try {
    const ok = await verify(target, password);
    return ok && passwordHash !== undefined;
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Computes the throw-away hash ahead of the first sign-in (called at start). */
export function warmUpPasswordCheck(): void {
  void (dummyHash ??= hash(randomBytes(16).toString('hex')));
}
