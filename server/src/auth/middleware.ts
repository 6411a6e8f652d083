// Authentication and authorisation for /api.
//
//   app.use(authenticate(config))   every request: ctx.state.actor = who is asking
//     - no Authorization header             → { kind: 'anonymous' }
//     - `Bearer <valid access token>`       → the citizen or staff actor it carries
//     - anything else (bad, forged, expired) → 401 with a Chinese message (code TOKEN_EXPIRED
//       or TOKEN_INVALID; the app refreshes on TOKEN_EXPIRED). Sign-in, refresh and logout
//       (/api/auth/*) ignore the header: a stale token must not block getting a new one.
//   requireSignedIn() / requireCitizen() / requireStaff(...roles)   route guards: 401 when
//     anonymous, 403 when signed in as the wrong kind or role.
//   canSeeBody(actor, bodyId)   staff of that body, or a county-wide admin of its county.
//
// defineRoute (openapi/defineRoute.ts) applies the guards from its `auth` option, so most
// routes never call these directly.
import type { Middleware } from 'koa';
import type { Config } from '../config';
import { AppError, forbidden, unauthorized } from '../errors';
import { Body } from '../models/body';
import type { Actor, CitizenActor, StaffActor, StaffRole } from './actor';
import { verifyAccessToken } from './accessToken';

const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/i;
const AUTH_ROUTES = '/api/auth/';

export const tokenExpired = () => new AppError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
export const tokenInvalid = () => new AppError(401, 'TOKEN_INVALID', '登录凭证无效，请重新登录');

export function authenticate(config: Pick<Config, 'jwtSecret'>): Middleware {
  return async (ctx, next) => {
    ctx.state.actor = ANONYMOUS;
    const header = ctx.get('authorization');
    if (header !== '' && !ctx.path.startsWith(AUTH_ROUTES)) {
      const match = BEARER.exec(header);
      if (!match) throw tokenInvalid();
      const result = verifyAccessToken(config.jwtSecret, match[1]!);
      if ('problem' in result) throw result.problem === 'expired' ? tokenExpired() : tokenInvalid();
      ctx.state.actor = result.actor;
    }
    await next();
  };
}

/** The actor of a request (anonymous when authenticate did not run). */
export function actorOf(ctx: { state: { actor?: Actor } }): Actor {
  return ctx.state.actor ?? ANONYMOUS;
}

/** Throws 401 unless signed in (citizen or staff). */
export function assertSignedIn(actor: Actor): asserts actor is CitizenActor | StaffActor {
  if (actor.kind === 'anonymous') throw unauthorized();
}

/** Throws 401/403 unless the actor is a citizen. */
export function assertCitizen(actor: Actor): asserts actor is CitizenActor {
  assertSignedIn(actor);
  if (actor.kind !== 'citizen') throw forbidden('此功能仅供申请人使用');
}

/** Throws 401/403 unless the actor is staff with one of `roles` (any role when empty). */
export function assertStaff(actor: Actor, roles: readonly StaffRole[] = []): asserts actor is StaffActor {
  assertSignedIn(actor);
  if (actor.kind !== 'staff') throw forbidden('此功能仅供工作人员使用');
  if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden('您的岗位没有此操作的权限');
}

export function requireSignedIn(): Middleware {
  return async (ctx, next) => {
    assertSignedIn(actorOf(ctx));
    await next();
  };
}

export function requireCitizen(): Middleware {
  return async (ctx, next) => {
    assertCitizen(actorOf(ctx));
    await next();
  };
}

/** Staff with one of `roles`; no roles = any staff role. */
export function requireStaff(...roles: StaffRole[]): Middleware {
  return async (ctx, next) => {
    assertStaff(actorOf(ctx), roles);
    await next();
  };
}

/** Sync form when the body's county is at hand. */
export function staffCanSeeBody(actor: Actor, body: { id: string; county: string }): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.bodyId === body.id) return true;
  return actor.countyWide && actor.role === 'admin' && actor.county === body.county;
}

// A body's county never changes, so it is safe to remember it (per process; a miss reads the DB).
const countyOfBody = new Map<string, string>();

/** Staff of `bodyId`, or a county-wide admin of that body's county. False for unknown bodies. */
export async function canSeeBody(actor: Actor, bodyId: string): Promise<boolean> {
  if (actor.kind !== 'staff') return false;
  if (actor.bodyId === bodyId) return true;
  if (!(actor.countyWide && actor.role === 'admin')) return false;
  let county = countyOfBody.get(bodyId);
  if (county === undefined) {
    const body = await Body.findById(bodyId, { county: 1 }).lean();
    if (!body) return false;
    county = body.county;
    countyOfBody.set(bodyId, county);
  }
  return county === actor.county;
}
