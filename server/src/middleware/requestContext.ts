// Request id (x-request-id in and out) and one access-log line per request.
// Only method, path (no query: it may carry personal data), status and duration are logged.
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../log';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ reqId: requestId });
    ctx.set('x-request-id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const status = ctx.status;
      const line = { method: ctx.method, path: ctx.path, status, ms };
      if (status >= 500) ctx.state.log.warn(line, 'request failed');
      else ctx.state.log.info(line, 'request');
    }
  };
}
