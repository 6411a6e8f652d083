import Router from '@koa/router';
import { healthResponseSchema } from '@zwgk/shared';
import { defineRoute } from '../../openapi/defineRoute';
import type { RouteFactory } from '../types';
import { getHealth } from './handler';

export const healthRoutes: RouteFactory = ({ db }) => {
  const router = new Router();
  const health = getHealth(db);
  defineRoute(router, {
    method: 'get',
    path: '/api/health',
    summary: '健康检查（数据库可用时 200，否则 503）',
    tags: ['health'],
    auth: 'public',
    response: healthResponseSchema,
    errors: [503],
    handler: (ctx) => health(ctx, async () => undefined),
  });
  return router;
};
