// Refresh tokens with rotation and reuse detection (OAuth 2.0 Security BCP §4.14):
// - a refresh token is an HS256 JWT (audience 'zwgk-refresh', never accepted as an access
//   token) whose jti is the `_id` of a refreshtokens document;
// - using it marks it used and issues a new pair in the same family;
// - presenting a used token again means two parties hold it (one of them stole it), so the
//   whole family is revoked and both must sign in again;
// - logout revokes the family.
// The check-and-mark of one token is serialised in-process (FerretDB) and conditional on
// `usedAt` not being set (atomic on MongoDB across instances).
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { KeyedMutex } from '../lib/keyed-mutex';
import { RefreshToken, type TokenSubjectKind } from '../models/refreshToken';
import { ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM, JWT_ISSUER, REFRESH_AUDIENCE, signAccessToken, type SignedInActor } from './accessToken';
import { loadActor } from './accounts';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token is valid. */
  expiresIn: number;
  refreshExpiresIn: number;
}

export type RefreshFailure = 'invalid' | 'expired' | 'reused' | 'revoked' | 'account';

const mutex = new KeyedMutex();
const newId = () => randomBytes(16).toString('base64url');
const claims = z.object({ jti: z.string().min(1), sub: z.string().regex(/^(citizen|staff):.+/), fam: z.string().min(1) });

function subjectOf(actor: SignedInActor): { kind: TokenSubjectKind; id: string } {
  return actor.kind === 'citizen' ? { kind: 'citizen', id: actor.citizenId } : { kind: 'staff', id: actor.staffId };
}

/** A new access + refresh token; `family` continues a rotation chain, absent = a new sign-in. */
export async function issueTokens(secret: string, actor: SignedInActor, family: string = newId()): Promise<TokenPair & { jti: string }> {
  const jti = newId();
  const subject = subjectOf(actor);
  const now = Date.now();
  await RefreshToken.create({
    _id: jti,
    family,
    subjectKind: subject.kind,
    subjectId: subject.id,
    issuedAt: new Date(now),
    expiresAt: new Date(now + REFRESH_TOKEN_TTL_SECONDS * 1000),
  });
  sweepExpired(now);
  const refreshToken = jwt.sign({ fam: family }, secret, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: REFRESH_AUDIENCE,
    subject: `${subject.kind}:${subject.id}`,
    jwtid: jti,
    expiresIn: REFRESH_TOKEN_TTL_SECONDS,
  });
  return {
    accessToken: signAccessToken(secret, actor),
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
    jti,
  };
}

function readRefreshToken(secret: string, token: string): z.infer<typeof claims> | 'invalid' | 'expired' {
  try {
    const payload = jwt.verify(token, secret, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: REFRESH_AUDIENCE });
    const parsed = claims.safeParse(payload);
    return parsed.success ? parsed.data : 'invalid';
  } catch (err) {
    return (err as Error).name === 'TokenExpiredError' ? 'expired' : 'invalid';
  }
}

export type RotateResult = { ok: true; actor: SignedInActor; tokens: TokenPair } | { ok: false; failure: RefreshFailure; family?: string; subject?: string };

/** Exchanges a refresh token for a new pair (see the header for the rules). */
export async function rotateRefreshToken(secret: string, token: string): Promise<RotateResult> {
  const read = readRefreshToken(secret, token);
  if (read === 'invalid' || read === 'expired') return { ok: false, failure: read };
  return mutex.run(read.jti, async () => {
    const doc = await RefreshToken.findById(read.jti).lean();
    if (!doc || doc.family !== read.fam) return { ok: false, failure: 'invalid' } as const;
    const subject = `${doc.subjectKind}:${doc.subjectId}`;
    if (doc.revokedAt) return { ok: false, failure: 'revoked', family: doc.family, subject } as const;
    const now = new Date();
    const marked = doc.usedAt
      ? { modifiedCount: 0 }
      : await RefreshToken.updateOne({ _id: doc._id, usedAt: { $exists: false }, revokedAt: { $exists: false } }, { $set: { usedAt: now } });
    if (marked.modifiedCount !== 1) {
      await revokeFamily(doc.family, 'reuse');
      return { ok: false, failure: 'reused', family: doc.family, subject } as const;
    }
    const actor = await loadActor(doc.subjectKind, doc.subjectId);
    if (!actor) {
      await revokeFamily(doc.family, 'account');
      return { ok: false, failure: 'account', family: doc.family, subject } as const;
    }
    const { jti, ...tokens } = await issueTokens(secret, actor, doc.family);
    await RefreshToken.updateOne({ _id: doc._id }, { $set: { replacedBy: jti } });
    return { ok: true, actor, tokens } as const;
  });
}

export async function revokeFamily(family: string, reason: 'reuse' | 'logout' | 'account'): Promise<number> {
  const result = await RefreshToken.updateMany({ family, revokedAt: { $exists: false } }, { $set: { revokedAt: new Date(), revokedReason: reason } });
  return result.modifiedCount;
}

/** Logout: revokes the family of a (validly signed) refresh token; returns its subject, if any. */
export async function revokeRefreshToken(secret: string, token: string): Promise<{ family: string; subject: string } | undefined> {
  const read = readRefreshToken(secret, token);
  if (read === 'invalid' || read === 'expired') return undefined;
  const doc = await RefreshToken.findById(read.jti).lean();
  if (!doc || doc.family !== read.fam) return undefined;
  await revokeFamily(doc.family, 'logout');
  return { family: doc.family, subject: `${doc.subjectKind}:${doc.subjectId}` };
}

const SWEEP_EVERY_MS = 60 * 60_000;
let lastSweep = 0;
/** Drops refresh-token documents a day after they expired (their JWT is refused by then anyway). */
function sweepExpired(now: number): void {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  void RefreshToken.deleteMany({ expiresAt: { $lt: new Date(now - 24 * 3600_000) } }).catch(() => undefined);
}
