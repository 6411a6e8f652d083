// GET /api/bodies — the public directory of receiving bodies with their guides (the app's
// "which body?" question and the report's body picker).
import Router from '@koa/router';
import { bodyDirectorySchema } from '@zwgk/shared';
import { defineRoute } from '../../openapi/defineRoute';
import type { RouteFactory } from '../types';
import { bodyDirectory } from './directory';
import { bodiesQuery } from './schema';

export const bodyRoutes: RouteFactory = () => {
  const router = new Router();
  defineRoute(router, {
    method: 'get',
    path: '/api/bodies',
    summary: '受理机关目录（含各机关的政府信息公开指南）',
    tags: ['bodies'],
    auth: 'public',
    query: bodiesQuery,
    response: bodyDirectorySchema,
    handler: async (ctx, { query }) => {
      ctx.set('Cache-Control', 'public, max-age=300');
      return bodyDirectory(query.county);
    },
  });
  return router;
};
