// Citizen endpoints of disclosure requests (issue 4 §2, §5): file, list, read, correct,
// withdraw, converse, attach. Handlers are thin: validate (defineRoute) → command → presenter.
// A request that is not the citizen's own is a 404 (requests/commands/access.ts).
import Router from '@koa/router';
import type { Context } from 'koa';
import { actorOf } from '../../auth/middleware';
import { citizenCorrect, citizenWithdraw } from '../../requests/commands/act';
import { loadForCitizen, citizenMaySee } from '../../requests/commands/access';
import { requestsDeps } from '../../requests/commands/deps';
import { fileRequest, filingStored } from '../../requests/commands/file';
import { citizenRequests } from '../../requests/commands/inbox';
import { markRead, postMessage } from '../../requests/commands/messages';
import { viewContext } from '../../requests/commands/view';
import { badRequest } from '../../errors';
import { rateLimit } from '../../middleware/rateLimit';
import { defineRoute } from '../../openapi/defineRoute';
import { presentCitizenDetail, presentMessage, presentRow } from '../../requests/presenters';
import type { RequestRecord } from '../../requests/models/request';
import type { CitizenActor } from '../../auth/actor';
import type { RouteFactory } from '../types';
import { conversationRoutes } from './conversation';
import { citizenRequestDetailSchema, citizenRequestListSchema, correctionBodySchema, fileRequestResponseSchema, messageBodySchema, messageItemSchema, withdrawBodySchema } from '@zwgk/shared';
import { fileBody, IDEMPOTENCY_KEY, idParams } from './schema';

const TAGS = ['requests'];

/** The submission's Idempotency-Key when well-formed (the handler refuses the others). */
const submissionKey = (ctx: Context): string | undefined => {
  const key = ctx.get('idempotency-key');
  return IDEMPOTENCY_KEY.test(key) ? key : undefined;
};

export const requestsRoutes: RouteFactory = (app) => {
  const deps = requestsDeps(app);
  const router = new Router();

  const detail = async (r: RequestRecord, actor: CitizenActor) => presentCitizenDetail(r, actor.citizenId, await viewContext(deps, [r]));
  const author = (actor: CitizenActor) => ({ kind: 'citizen' as const, id: actor.citizenId, name: '申请人' });

  defineRoute(router, {
    method: 'post',
    path: '/api/requests',
    summary: '提交政府信息公开申请（需 Idempotency-Key 请求头；同一键重复提交返回原申请）',
    description:
      '请求体为 shared/src/filing 的申请表。成功返回 201 与申请编号、查询码；同一 Idempotency-Key 的重试返回 200 与同一结果（查询码只在此处给出）。',
    tags: TAGS,
    response: fileRequestResponseSchema,
    auth: 'citizen',
    body: fileBody,
    status: 201,
    errors: [409],
    middleware: [
      // A retry of one submission (same Idempotency-Key, e.g. after a lost answer) is not a new
      // filing: once stored it is answered whatever the limit, and before that it counts once.
      rateLimit({
        name: 'filing',
        rule: app.config.rateLimits.filing,
        message: '提交过于频繁，请稍后再试',
        exempt: async (ctx) => {
          const key = submissionKey(ctx);
          const actor = actorOf(ctx);
          return key !== undefined && actor.kind === 'citizen' && (await filingStored(actor, key));
        },
        sameHit: submissionKey,
      }),
    ],
    handler: async (ctx, { body, actor }) => {
      const key = ctx.get('idempotency-key');
      if (!key) throw badRequest('缺少 Idempotency-Key 请求头（每次提交生成一个，重试时保持不变）', 'IDEMPOTENCY_KEY_REQUIRED');
      if (!IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key 应为8–128位字母、数字、“-”或“_”', 'IDEMPOTENCY_KEY_INVALID');
      const result = await fileRequest(deps, actor, body, key);
      ctx.status = result.created ? 201 : 200;
      ctx.body = { number: result.request.number, queryCode: result.queryCode, created: result.created, request: await detail(result.request, actor) };
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/requests',
    summary: '我的申请（按最近动态排序）',
    tags: TAGS,
    response: citizenRequestListSchema,
    auth: 'citizen',
    handler: async (_ctx, { actor }) => {
      const records = await citizenRequests(actor.citizenId);
      const ctx = await viewContext(deps, records);
      return { items: records.map((r) => presentRow(r, 'citizen', ctx)) };
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/requests/:id',
    summary: '申请详情：办理进度、答复期限及计算说明、对话',
    tags: TAGS,
    response: citizenRequestDetailSchema,
    auth: 'citizen',
    params: idParams,
    handler: async (_ctx, { params, actor }) => detail(await loadForCitizen(actor, params.id), actor),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/requests/:id/correction',
    summary: '提交补正（逐项答复补正事项）',
    tags: TAGS,
    response: citizenRequestDetailSchema,
    auth: 'citizen',
    params: idParams,
    body: correctionBodySchema,
    errors: [403, 404, 409, 422],
    handler: async (_ctx, { params, body, actor }) => detail((await citizenCorrect(deps, actor, params.id, body.answers, body.version)).request, actor),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/requests/:id/withdraw',
    summary: '撤回申请',
    tags: TAGS,
    response: citizenRequestDetailSchema,
    auth: 'citizen',
    params: idParams,
    body: withdrawBodySchema,
    errors: [403, 404, 409],
    handler: async (_ctx, { params, body, actor }) => detail((await citizenWithdraw(deps, actor, params.id, body.reason, body.version)).request, actor),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/requests/:id/messages',
    summary: '给办理机关留言',
    description: '返回 201 与这条留言（对话中的一项，mine 为 true），工作人员回复接口相同。',
    tags: TAGS,
    response: messageItemSchema,
    auth: 'citizen',
    params: idParams,
    body: messageBodySchema,
    status: 201,
    errors: [404],
    handler: async (_ctx, { params, body, actor }) => {
      const { request, message } = await postMessage(deps, { requestId: params.id, author: author(actor), mayAccess: (r) => citizenMaySee(actor, r), text: body.text });
      return presentMessage(request, message, 'citizen', { kind: 'citizen', id: actor.citizenId });
    },
  });

  // Attachments: declared once for both sides (./conversation.ts); a citizen touches only their own requests.
  conversationRoutes(router, deps, {
    auth: 'citizen',
    basePath: '/api/requests',
    tags: TAGS,
    downloadSummary: '下载附件',
    load: loadForCitizen,
    mayAccess: citizenMaySee,
    author,
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/requests/:id/read',
    summary: '标记为已读',
    tags: TAGS,
    auth: 'citizen',
    params: idParams,
    status: 204,
    errors: [404],
    handler: async (_ctx, { params, actor }) => {
      await loadForCitizen(actor, params.id);
      await markRead(deps, params.id, 'citizen');
    },
  });

  return router;
};
