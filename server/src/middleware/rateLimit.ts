// Fixed-window rate limits whose counters live in the database, so every instance behind a
// load balancer counts the same hits (issue 10). One hit = one upsert by `_id`:
// `rl:<name>:<key>:<window start>` with `$inc`. Within this process hits of one counter are
// serialised (FerretDB applies `$inc` as read-modify-write and could lose concurrent ones);
// on MongoDB `$inc` is atomic across instances.
//
//   defineRoute(router, { ..., middleware: [rateLimit({ name: 'signin', rule: config.rateLimits.signin })] })
//   rateLimit({ name: 'filing', rule: config.rateLimits.filing, key: (ctx) => actorKey(ctx) })
//
// Over the limit: 429 with a Chinese message and Retry-After. `rule` undefined = no limit
// (RATE_LIMIT_* = off). If the database is down, the request fails like any other (503).
//
// Retries are not new work: `exempt` lets a request through uncounted (a retried filing that is
// already stored must get its stored answer even over the limit), and `sameHit` counts requests
// carrying one value (an Idempotency-Key) once per window — a marker document
// `<counter id>:h:<hash>` remembers the count that hit was given, so a retry is allowed or
// refused exactly as its first attempt was and uses up nothing.
import { createHash } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type { RateRule } from '../config';
import { AppError } from '../errors';
import { assertDatabaseReachable } from '../db/reachability';
import { KeyedMutex } from '../lib/keyed-mutex';
import { RateLimitCounter } from '../models/rateLimitCounter';
import { documentMiddleware } from '../openapi/registry';
import { ignoreDuplicate, upsertRacing } from '../db/duplicate';

export interface RateLimitOptions {
  /** Short name of what is limited, part of the counter id ('signin', 'filing'). */
  name: string;
  rule: RateRule | undefined;
  /** Who is counted; default: the signed-in subject, else the client IP. */
  key?: (ctx: Context) => string;
  /** Chinese message of the 429. */
  message?: string;
  /** Requests that pass without counting (checked only while a rule is set). */
  exempt?: (ctx: Context) => Promise<boolean>;
  /** Requests with the same value (per key and window) are one hit; undefined = a hit of its own. */
  sameHit?: (ctx: Context) => string | undefined;
}

export interface RateLimitHit {
  allowed: boolean;
  count: number;
  limit: number;
  /** When the current window ends. */
  resetAt: Date;
}

// Hits whose turn comes while the database is known to be gone fail at once (503), instead of
// each waiting out server selection behind the others (one address signing in, one citizen filing).
const mutex = new KeyedMutex({ gate: assertDatabaseReachable });
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/** Default key: 'citizen:<id>' / 'staff:<id>' when signed in, else 'ip:<address>'. */
export function subjectOrIp(ctx: Context): string {
  const actor = ctx.state.actor;
  if (actor?.kind === 'citizen') return `citizen:${actor.citizenId}`;
  if (actor?.kind === 'staff') return `staff:${actor.staffId}`;
  return `ip:${ctx.ip}`;
}

export function clientIp(ctx: Context): string {
  return `ip:${ctx.ip}`;
}

async function increment(id: string, resetAt: Date): Promise<number> {
  const doc = await upsertRacing(() =>
    RateLimitCounter.findOneAndUpdate({ _id: id }, { $inc: { count: 1 }, $setOnInsert: { expiresAt: resetAt } }, { upsert: true, returnDocument: 'after', lean: true }),
  );
  return doc?.count ?? 1;
}

/**
 * Counts one hit of `key` under `name` and says whether it is within `rule`. With `hitId`, a hit
 * already counted in this window is not counted again: it gets the verdict of its first count.
 * (Two instances seeing the first two attempts of one hit at the same instant may both count it;
 * within a process they are serialised.)
 */
export async function hitRateLimit(name: string, key: string, rule: RateRule, now = Date.now(), hitId?: string): Promise<RateLimitHit> {
  const windowStart = now - (now % rule.windowMs);
  const resetAt = new Date(windowStart + rule.windowMs);
  const id = `rl:${name}:${key}:${windowStart}`;
  const markerId = hitId === undefined ? undefined : `${id}:h:${createHash('sha256').update(hitId).digest('base64url').slice(0, 22)}`;
  const { count, counted } = await mutex.run(id, async () => {
    if (markerId) {
      const seen = await RateLimitCounter.findById(markerId).lean();
      if (seen) return { counted: seen.count, count: (await RateLimitCounter.findById(id).lean())?.count ?? seen.count };
    }
    const n = await increment(id, resetAt);
    // An upsert, not an insert: another instance may have written the same marker meanwhile.
    if (markerId) await RateLimitCounter.updateOne({ _id: markerId }, { $setOnInsert: { count: n, expiresAt: resetAt } }, { upsert: true }).catch(ignoreDuplicate);
    return { counted: n, count: n };
  });
  if (now - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now;
    void RateLimitCounter.deleteMany({ expiresAt: { $lt: new Date(now) } }).catch(() => undefined);
  }
  return { allowed: counted <= rule.limit, count, limit: rule.limit, resetAt };
}

export function rateLimit(options: RateLimitOptions): Middleware {
  const { rule } = options;
  const keyOf = options.key ?? subjectOrIp;
  const message = options.message ?? '操作过于频繁，请稍后再试';
  const middleware: Middleware = async (ctx, next) => {
    if (!rule) return next();
    if (options.exempt && (await options.exempt(ctx))) return next();
    const hit = await hitRateLimit(options.name, keyOf(ctx), rule, Date.now(), options.sameHit?.(ctx));
    ctx.set('RateLimit-Limit', String(hit.limit));
    ctx.set('RateLimit-Remaining', String(Math.max(0, hit.limit - hit.count)));
    if (!hit.allowed) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil((hit.resetAt.getTime() - Date.now()) / 1000))));
      throw new AppError(429, 'RATE_LIMITED', message);
    }
    await next();
  };
  return documentMiddleware(middleware, {
    errors: [429],
    note: rule ? `频率限制（${options.name}）：每 ${Math.round(rule.windowMs / 1000)} 秒最多 ${rule.limit} 次。` : undefined,
  });
}
