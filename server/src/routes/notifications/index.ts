// In-app notifications of the signed-in person, and subscribe-message consent.
//   GET  /api/notifications              mine, newest first, with the unread count
//   POST /api/notifications/:id/read     mark one read
//   POST /api/notifications/read-all
//   POST /api/notifications/consent      result of wx.requestSubscribeMessage for one template
//   GET  /api/notifications/templates    template ids the app asks consent for
import Router from '@koa/router';
import { consentBodySchema, consentResponseSchema, notificationListSchema, templatesResponseSchema, unreadResponseSchema } from '@zwgk/shared';
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { notFound } from '../../errors';
import { defineRoute } from '../../openapi/defineRoute';
import { recordConsent } from '../../notifications/consent';
import { markAllRead, markRead, readInbox, unreadCount, type InboxItem, type Recipient } from '../../notifications/inbox';
import type { RouteFactory } from '../types';
import { idParams } from './schema';

const recipientOf = (actor: CitizenActor | StaffActor): Recipient =>
  actor.kind === 'citizen' ? { kind: 'citizen', id: actor.citizenId } : { kind: 'staff', id: actor.staffId };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const present = (i: InboxItem) => ({ ...i, createdAt: iso(i.createdAt)!, readAt: iso(i.readAt), read: Boolean(i.readAt) });

export const notificationRoutes: RouteFactory = ({ config }) => {
  const router = new Router();

  defineRoute(router, {
    method: 'get',
    path: '/api/notifications',
    summary: '我的通知（最新的在前）及未读数',
    tags: ['notifications'],
    auth: 'signedIn',
    response: notificationListSchema,
    handler: async (ctx, { actor }) => {
      ctx.set('Cache-Control', 'no-store');
      const { items } = await readInbox(recipientOf(actor));
      return { items: items.map(present), unread: unreadCount(items) };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/notifications/read-all',
    summary: '全部标为已读',
    tags: ['notifications'],
    auth: 'signedIn',
    response: unreadResponseSchema,
    handler: (_ctx, { actor }) => markAllRead(recipientOf(actor), new Date()),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/notifications/:id/read',
    summary: '标为已读',
    tags: ['notifications'],
    auth: 'signedIn',
    params: idParams,
    response: unreadResponseSchema,
    errors: [404],
    handler: async (_ctx, { actor, params }) => {
      const result = await markRead(recipientOf(actor), params.id, new Date());
      if (!result) throw notFound('未找到该通知');
      return result;
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/notifications/consent',
    summary: '记录申请人对订阅消息的授权结果（每次同意可发送一条）',
    tags: ['notifications'],
    auth: 'citizen',
    body: consentBodySchema,
    response: consentResponseSchema,
    handler: async (_ctx, { actor, body }) => ({
      templateKey: body.templateKey,
      available: await recordConsent(actor.citizenId, body.templateKey, body.accepted, new Date()),
    }),
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/notifications/templates',
    summary: '订阅消息模板（申请授权时使用）',
    tags: ['notifications'],
    auth: 'public',
    response: templatesResponseSchema,
    handler: () => ({
      templates: Object.entries(config.wechatTemplates).map(([key, t]) => ({ key: key as 'status' | 'reply' | 'correction', templateId: t!.id })),
    }),
  });

  return router;
};
