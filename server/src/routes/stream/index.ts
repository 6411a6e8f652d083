// Live updates: POST /api/stream/ticket, GET /api/stream (Server-Sent Events).
import Router from '@koa/router';
import { streamTicketResponseSchema } from '@zwgk/shared';
import { defineRoute } from '../../openapi/defineRoute';
import type { RouteFactory } from '../types';
import { openStream, streamActor } from './handler';
import { streamQuery } from './schema';
import { signStreamTicket, STREAM_TICKET_TTL_SECONDS } from './ticket';

export const streamRoutes: RouteFactory = ({ config, bus, streams }) => {
  const router = new Router();
  const deps = { bus, streams, jwtSecret: config.jwtSecret, heartbeatMs: config.streamHeartbeatMs };

  defineRoute(router, {
    method: 'post',
    path: '/api/stream/ticket',
    summary: '获取实时连接票据（供 EventSource 使用，60秒内有效）',
    tags: ['stream'],
    auth: 'signedIn',
    response: streamTicketResponseSchema,
    handler: (ctx, { actor }) => {
      ctx.set('Cache-Control', 'no-store');
      return { ticket: signStreamTicket(config.jwtSecret, actor), expiresIn: STREAM_TICKET_TTL_SECONDS };
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/stream',
    summary: '实时更新（Server-Sent Events）：申请人收到本人的通知，工作人员收到本机关的通知',
    description: '以 `?ticket=` 携带 POST /api/stream/ticket 取得的票据，或以 Authorization 请求头登录。事件：ready、notification、request_changed、message；每条事件带 id。',
    tags: ['stream'],
    auth: 'public',
    query: streamQuery,
    responseContentType: 'text/event-stream',
    errors: [401],
    handler: async (ctx, { query, actor }) => {
      await openStream(ctx, deps, streamActor(deps, actor, query.ticket));
    },
  });

  return router;
};
