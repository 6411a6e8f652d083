// GET /api/health: 200 when the database answers `ping` within ~1 s, else 503,
// so a load balancer or monitor takes the instance out while the database is down.
import type { HealthResponse } from '@zwgk/shared';
import type { Middleware } from 'koa';
import type { Database } from '../../db/connection';
import { VERSION } from '../../version';

export const HEALTH_DB_TIMEOUT_MS = 1000;

export function getHealth(db: Database): Middleware {
  return async (ctx) => {
    const dbOk = await db.ping(HEALTH_DB_TIMEOUT_MS);
    const body: HealthResponse = { status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'unavailable', version: VERSION };
    ctx.status = dbOk ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  };
}
