// GET /api/lookup?number=&code= — public status lookup (no sign-in): status and dates only.
// Rate-limited per client address and per number, so a code cannot be guessed online.
import Router from '@koa/router';
import { lookupResultSchema } from '@zwgk/shared';
import { z } from 'zod';
import { requestsDeps } from '../../requests/commands/deps';
import { lookupRequest } from '../../requests/commands/lookup';
import { viewContext } from '../../requests/commands/view';
import { clientIp, rateLimit } from '../../middleware/rateLimit';
import { defineRoute } from '../../openapi/defineRoute';
import { presentLookup } from '../../requests/presenters';
import type { RouteFactory } from '../types';

export const lookupQuery = z.strictObject({
  number: z.string({ error: '请填写申请编号' }).trim().min(1, { error: '请填写申请编号' }).max(40, { error: '申请编号格式不正确' }),
  code: z.string({ error: '请填写查询码' }).trim().min(1, { error: '请填写查询码' }).max(40, { error: '查询码格式不正确' }),
});

export const lookupRoutes: RouteFactory = (app) => {
  const deps = requestsDeps(app);
  const router = new Router();
  defineRoute(router, {
    method: 'get',
    path: '/api/lookup',
    summary: '凭申请编号和查询码查询办理状态（无需登录，不含个人信息）',
    tags: ['lookup'],
    response: lookupResultSchema,
    auth: 'public',
    query: lookupQuery,
    errors: [404],
    middleware: [
      // RATE_LIMIT_LOOKUP_IP / RATE_LIMIT_LOOKUP_NUMBER (config.ts: 30/60 s per address, 20/600 s per number).
      rateLimit({ name: 'lookup-ip', rule: app.config.rateLimits.lookupIp, key: clientIp, message: '查询过于频繁，请稍后再试' }),
      rateLimit({ name: 'lookup-number', rule: app.config.rateLimits.lookupNumber, key: (ctx) => `number:${String(ctx.query.number ?? '').trim().toUpperCase().slice(0, 40)}`, message: '该申请编号查询过于频繁，请稍后再试' }),
    ],
    handler: async (ctx, { query }) => {
      const record = await lookupRequest(deps, query.number, query.code);
      ctx.set('Cache-Control', 'no-store');
      return presentLookup(record, await viewContext(deps, [record]));
    },
  });
  return router;
};
