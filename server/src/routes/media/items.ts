// Staff routes of content items: write, review (三审 + 保密审查), publish, follow deliveries.
import type Router from '@koa/router';
import { audit } from '../../audit';
import { mediaCounts } from '../../media/counts';
import { deliveriesOfItem, listItemDeliveries, retryDelivery } from '../../media/commands/deliveries';
import { createItem, listItems, loadItem, recordAbolition, updateItem } from '../../media/commands/items';
import { publishItem } from '../../media/commands/publish';
import { reviewItem } from '../../media/commands/review';
import { assertBodyAccess } from '../../media/commands/access';
import { deliveryView, itemSummaryView, itemView } from '../../media/presenters';
import { Staff } from '../../models/staff';
import { defineRoute } from '../../openapi/defineRoute';
import type { MediaRouteDeps } from './accounts';
import { mediaAbolitionBodySchema, mediaCountsResponseSchema, mediaDeliveryListResponseSchema, mediaDeliveryResponseSchema, mediaItemCreateBodySchema, mediaItemListResponseSchema, mediaItemResponseSchema, mediaItemUpdateBodySchema, mediaPublishBodySchema, mediaReviewBodySchema, mediaVersionBodySchema } from '@zwgk/shared';
import { countsQuery, idParams, itemListQuery } from './schema';

const PUBLISHERS = ['clerk', 'reviewer', 'admin'] as const;

export function itemRoutes(router: Router, deps: MediaRouteDeps): void {
  const withDeliveries = async (item: Awaited<ReturnType<typeof loadItem>>) => itemView(item, await deliveriesOfItem(item));

  defineRoute(router, {
    method: 'get',
    path: '/api/media/items',
    summary: '主动公开信息列表（最新修改的在前）',
    tags: ['media'],
    auth: 'staff',
    query: itemListQuery,
    response: mediaItemListResponseSchema,
    handler: async (_ctx, { actor, query }) => {
      const { total, items } = await listItems(actor, query);
      return { total, items: items.map(itemSummaryView) };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/items',
    summary: '新建主动公开信息（正文为富文本，保存时清理）',
    tags: ['media'],
    auth: 'staff',
    body: mediaItemCreateBodySchema,
    response: mediaItemResponseSchema,
    status: 201,
    handler: async (_ctx, { actor, body }) => itemView(await createItem(actor, body)),
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/media/items/:id',
    summary: '信息详情（审核记录与各账号推送情况）',
    tags: ['media'],
    auth: 'staff',
    params: idParams,
    response: mediaItemResponseSchema,
    errors: [404],
    handler: async (_ctx, { actor, params }) => withDeliveries(await loadItem(actor, params.id)),
  });

  defineRoute(router, {
    method: 'put',
    path: '/api/media/items/:id',
    summary: '修改未发布信息的内容（须重新审核）',
    tags: ['media'],
    auth: 'staff',
    params: idParams,
    body: mediaItemUpdateBodySchema,
    response: mediaItemResponseSchema,
    errors: [403, 404, 409],
    handler: async (_ctx, { actor, params, body }) => itemView(await updateItem(actor, params.id, body)),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/items/:id/reviews',
    summary: '签署审核：初审、复审、终审或保密审查',
    tags: ['media'],
    auth: 'staff',
    params: idParams,
    body: mediaReviewBodySchema,
    response: mediaItemResponseSchema,
    errors: [403, 404, 409],
    handler: async (ctx, { actor, params, body }) => {
      const staff = await Staff.findById(actor.staffId, { name: 1 }).lean();
      const item = await reviewItem(actor, params.id, { ...body, ...(staff?.name ? { staffName: staff.name } : {}) });
      await audit(ctx, 'media.item.reviewed', { itemId: item._id, step: body.step });
      return itemView(item);
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/items/:id/publish',
    summary: '发布（须已完成三审和保密审查）：立即或定时，推送到所选账号',
    description: '未完成初审、复审、终审或保密审查时返回 403 ACTION_REFUSED，message 说明缺少哪几项。每个账号生成一条推送记录，由推送任务保证只发一次。',
    tags: ['media'],
    auth: PUBLISHERS,
    params: idParams,
    body: mediaPublishBodySchema,
    response: mediaItemResponseSchema,
    errors: [403, 404, 409],
    handler: async (ctx, { actor, params, body }) => {
      const item = await publishItem({ jobs: deps.jobs, settings: deps.settings, wake: deps.wake }, actor, params.id, body);
      await audit(ctx, 'media.item.published', { itemId: item._id, accounts: item.publish?.accountIds.length ?? 0 });
      return withDeliveries(item);
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/items/:id/abolition',
    summary: '登记规章、行政规范性文件废止',
    tags: ['media'],
    auth: PUBLISHERS,
    params: idParams,
    body: mediaAbolitionBodySchema,
    response: mediaItemResponseSchema,
    errors: [403, 404, 409],
    handler: async (_ctx, { actor, params, body }) => itemView(await recordAbolition(actor, params.id, body)),
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/media/items/:id/deliveries',
    summary: '信息在各账号的推送记录',
    tags: ['media'],
    auth: 'staff',
    params: idParams,
    response: mediaDeliveryListResponseSchema,
    errors: [404],
    handler: async (_ctx, { actor, params }) => ({ deliveries: (await listItemDeliveries(actor, params.id)).map(deliveryView) }),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/deliveries/:id/retry',
    summary: '重新推送失败的记录（仍保证不重复发布）',
    tags: ['media'],
    auth: PUBLISHERS,
    params: idParams,
    body: mediaVersionBodySchema,
    response: mediaDeliveryResponseSchema,
    errors: [403, 404],
    handler: async (ctx, { actor, params, body }) => {
      const d = await retryDelivery(actor, params.id, body, deps.jobs, deps.wake);
      await audit(ctx, 'media.delivery.retried', { deliveryId: d._id });
      return deliveryView(d);
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/media/counts',
    summary: '年度主动公开与政务新媒体统计（年度报告使用）',
    tags: ['media'],
    auth: 'staff',
    query: countsQuery,
    response: mediaCountsResponseSchema,
    handler: async (_ctx, { actor, query }) => {
      const bodyId = query.bodyId ?? actor.bodyId;
      await assertBodyAccess(actor, bodyId);
      return mediaCounts(bodyId, query.year);
    },
  });
}
