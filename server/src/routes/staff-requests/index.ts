// Staff endpoints of disclosure requests (issue 4 §4, §5, §7): inbox, registration of offline
// requests, detail (identity masked), the audited full identity, every lifecycle action,
// conversation and attachments. A request of a body the staff member may not see is a 404.
import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { audit } from '../../audit';
import type { StaffActor } from '../../auth/actor';
import { staffAct } from '../../requests/commands/act';
import { loadForStaff, staffMaySee } from '../../requests/commands/access';
import { requestsDeps } from '../../requests/commands/deps';
import { registerOffline } from '../../requests/commands/file';
import { staffInbox } from '../../requests/commands/inbox';
import { markRead, postMessage } from '../../requests/commands/messages';
import { viewContext } from '../../requests/commands/view';
import { badRequest } from '../../errors';
import type { RequestRecord } from '../../requests/models/request';
import { Staff } from '../../models/staff';
import { defineRoute } from '../../openapi/defineRoute';
import { presentApplicant, presentInboxItem, presentMessage, presentStaffDetail } from '../../requests/presenters';
import { conversationRoutes } from '../requests/conversation';
import { messageBodySchema, messageItemSchema, registerOfflineResponseSchema, staffActionBodySchema, staffIdentityResponseSchema, staffInboxQuerySchema, staffInboxSchema, staffRequestDetailSchema } from '@zwgk/shared';
import { IDEMPOTENCY_KEY } from '../requests/schema';
import type { RouteFactory } from '../types';
import { idParams, registerBody } from './schema';

const TAGS = ['staff-requests'];

/** Roles that work with the applicant and may see the full identity (audited). */
export const IDENTITY_ROLES = ['clerk', 'handler', 'reviewer'] as const;

export const staffRequestsRoutes: RouteFactory = (app) => {
  const deps = requestsDeps(app);
  const router = new Router();

  const detail = async (r: RequestRecord, actor: StaffActor) => presentStaffDetail(r, actor, await viewContext(deps, [r], { staffNames: true }));
  const author = async (actor: StaffActor) => {
    const me = await Staff.findById(actor.staffId, { name: 1 }).lean();
    return { kind: 'staff' as const, id: actor.staffId, name: me?.name ?? '工作人员', role: actor.role };
  };
  /** The change is already stored (its event records who and when); a failed audit write is logged, not returned. */
  const auditAfter = async (ctx: ParameterizedContext, action: string, detail: Record<string, unknown>) => {
    await audit(ctx, action, detail).catch((err: unknown) => deps.logger.error({ err, action }, 'audit write failed'));
  };

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/requests',
    summary: '待办：本机关的申请（县级管理员：全县），按答复期限排序，含各状态数量',
    tags: TAGS,
    response: staffInboxSchema,
    auth: 'staff',
    query: staffInboxQuerySchema,
    handler: async (_ctx, { query, actor }) => {
      const result = await staffInbox(deps, actor, {
        ...(query.state ? { states: query.state } : {}),
        ...(query.assignedToMe !== undefined ? { assignedToMe: query.assignedToMe } : {}),
        ...(query.dueWithin !== undefined ? { dueWithin: query.dueWithin } : {}),
        ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.bodyId ? { bodyId: query.bodyId } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      const ctx = await viewContext(deps, result.entries.map((e) => e.record), { staffNames: true });
      return { items: result.entries.map((e) => presentInboxItem(e.record, ctx, e.state, e.clock)), total: result.total, counts: result.counts };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/staff/requests',
    summary: '登记当面、口头、邮寄、信函、传真或电子邮件收到的申请（按第三十一条的收到日期，直接受理）',
    tags: TAGS,
    response: registerOfflineResponseSchema,
    auth: 'staff',
    body: registerBody,
    status: 201,
    errors: [403, 422],
    handler: async (ctx, { body, actor }) => {
      const key = ctx.get('idempotency-key') || undefined;
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key 应为8–128位字母、数字、“-”或“_”', 'IDEMPOTENCY_KEY_INVALID');
      const { channel, receivedOn, ...filing } = body;
      const result = await registerOffline(deps, actor, filing, { channel, receivedOn }, key);
      if (result.created) await auditAfter(ctx, 'request.registered', { requestId: result.request._id, bodyId: result.request.bodyId, channel });
      ctx.status = result.created ? 201 : 200;
      ctx.body = { number: result.request.number, queryCode: result.queryCode, created: result.created, request: await detail(result.request, actor) };
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/requests/:id',
    summary: '申请详情（申请人身份信息脱敏）',
    tags: TAGS,
    response: staffRequestDetailSchema,
    auth: 'staff',
    params: idParams,
    errors: [404],
    handler: async (_ctx, { params, actor }) => detail(await loadForStaff(actor, params.id), actor),
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/requests/:id/identity',
    summary: '查看申请人完整身份信息（记入审计）',
    tags: TAGS,
    response: staffIdentityResponseSchema,
    auth: IDENTITY_ROLES,
    params: idParams,
    errors: [404],
    handler: async (ctx, { params, actor }) => {
      const r = await loadForStaff(actor, params.id);
      // Recorded before it is shown: a view that cannot be audited does not happen.
      await audit(ctx, 'request.identity_viewed', { requestId: r._id, bodyId: r.bodyId });
      ctx.set('Cache-Control', 'no-store');
      return { applicant: presentApplicant(r, 'full') };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/staff/requests/:id/actions',
    summary: '办理操作（确认受理、告知补正、征求意见、延期、收费通知、分办、答复、审核、送达、复议诉讼结果等）',
    description: '可执行的操作由 shared 生命周期的 availableActions(状态, 岗位) 决定；须带上读取时的 version，过期返回 409。',
    tags: TAGS,
    response: staffRequestDetailSchema,
    auth: 'staff',
    params: idParams,
    body: staffActionBodySchema,
    errors: [403, 404, 409, 422],
    handler: async (ctx, { params, body, actor }) => {
      const result = await staffAct(deps, actor, params.id, body);
      await auditAfter(ctx, 'request.action', { requestId: result.request._id, bodyId: result.request.bodyId, type: result.event.type, version: result.request.version });
      return detail(result.request, actor);
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/staff/requests/:id/messages',
    summary: '在对话中回复申请人',
    description: '返回 201 与这条留言（对话中的一项，mine 为 true），与申请人留言接口一致；不返回申请详情——留言不改变办理状态，需要时重新读取详情。',
    tags: TAGS,
    response: messageItemSchema,
    auth: 'staff',
    params: idParams,
    body: messageBodySchema,
    status: 201,
    errors: [404],
    handler: async (ctx, { params, body, actor }) => {
      const { request, message } = await postMessage(deps, { requestId: params.id, author: await author(actor), mayAccess: (r) => staffMaySee(actor, r), text: body.text });
      await auditAfter(ctx, 'request.message_posted', { requestId: request._id, bodyId: request.bodyId, messageId: message.id });
      return presentMessage(request, message, 'staff', { kind: 'staff', id: actor.staffId });
    },
  });

  // Attachments: declared once for both sides (../requests/conversation.ts); staff touch their
  // body's requests (a county-wide admin the county's), and every upload and download is audited.
  conversationRoutes(router, deps, {
    auth: 'staff',
    basePath: '/api/staff/requests',
    tags: TAGS,
    downloadSummary: '下载附件（记入审计）',
    load: loadForStaff,
    mayAccess: staffMaySee,
    author,
    afterUpload: (ctx, request, message) => auditAfter(ctx, 'request.attachment_added', { requestId: request._id, bodyId: request.bodyId, attachmentId: message.attachmentIds[0] }),
    // Recorded before the bytes leave, like the identity: a download that cannot be audited does not happen.
    beforeDownload: async (ctx, r, attachmentId) => {
      if (r.attachments.some((a) => a.id === attachmentId)) await audit(ctx, 'request.attachment_downloaded', { requestId: r._id, bodyId: r.bodyId, attachmentId });
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/staff/requests/:id/read',
    summary: '标记为已读',
    tags: TAGS,
    auth: 'staff',
    params: idParams,
    status: 204,
    errors: [404],
    handler: async (_ctx, { params, actor }) => {
      await loadForStaff(actor, params.id);
      await markRead(deps, params.id, 'staff');
    },
  });

  return router;
};
