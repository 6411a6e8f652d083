// Access tokens: short-lived (15 min) HS256 JWTs that carry the actor, so authenticating a
// request costs one HMAC and no database read (issue 10: any instance can check any token).
// They carry ids and the role only — never a name, phone, ID number or openid.
// The algorithm is pinned on both sides (no `alg: none`, no RS/HS confusion), and issuer and
// audience are checked, so a refresh token (another audience) is never accepted as access.
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Actor, CitizenActor, StaffActor } from './actor';

export const JWT_ALGORITHM = 'HS256' as const;
export const JWT_ISSUER = 'zwgk';
export const ACCESS_AUDIENCE = 'zwgk-api';
export const REFRESH_AUDIENCE = 'zwgk-refresh';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const staffRole = z.enum(['clerk', 'handler', 'reviewer', 'admin']);

/** The claims we put in; anything else in a token (even one we signed) is refused. */
const accessClaims = z.union([
  z.object({ sub: z.string().regex(/^citizen:.+/), kind: z.literal('citizen') }),
  z.object({
    sub: z.string().regex(/^staff:.+/),
    kind: z.literal('staff'),
    role: staffRole,
    bodyId: z.string().min(1),
    countyWide: z.boolean(),
    county: z.string().min(1),
  }),
]);

export type SignedInActor = CitizenActor | StaffActor;

export function signAccessToken(secret: string, actor: SignedInActor): string {
  const claims =
    actor.kind === 'citizen'
      ? { kind: 'citizen' as const }
      : { kind: 'staff' as const, role: actor.role, bodyId: actor.bodyId, countyWide: actor.countyWide, county: actor.county };
  return jwt.sign(claims, secret, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: ACCESS_AUDIENCE,
    subject: actor.kind === 'citizen' ? `citizen:${actor.citizenId}` : `staff:${actor.staffId}`,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  });
}

export type AccessTokenProblem = 'expired' | 'invalid';

/** The actor of a valid access token, or why it is not valid. */
export function verifyAccessToken(secret: string, token: string): { actor: SignedInActor } | { problem: AccessTokenProblem } {
  let payload: unknown;
  try {
    payload = jwt.verify(token, secret, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: ACCESS_AUDIENCE });
  } catch (err) {
    return { problem: (err as Error).name === 'TokenExpiredError' ? 'expired' : 'invalid' };
  }
  const claims = accessClaims.safeParse(payload);
  if (!claims.success) return { problem: 'invalid' };
  const c = claims.data;
  if (c.kind === 'citizen') return { actor: { kind: 'citizen', citizenId: c.sub.slice('citizen:'.length) } };
  return {
    actor: { kind: 'staff', staffId: c.sub.slice('staff:'.length), role: c.role, bodyId: c.bodyId, countyWide: c.countyWide, county: c.county },
  };
}

/** For logs and audit: who, without anything personal. */
export function actorSubject(actor: Actor): string {
  if (actor.kind === 'citizen') return `citizen:${actor.citizenId}`;
  if (actor.kind === 'staff') return `staff:${actor.staffId}`;
  return 'anonymous';
}
