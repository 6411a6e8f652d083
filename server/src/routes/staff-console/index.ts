// Endpoints of the staff console beside the requests API (issue 6):
//   GET /api/staff/supervision?year=     督办: due soon / overdue across departments, handling time, outcomes (reviewer, admin)
//   GET /api/staff/assignees?bodyId=     colleagues a request can be assigned to (分办)
//   GET /api/staff/requests/:id/fee-basis  the request's place in its applicant's month (per-request fee)
import Router from '@koa/router';
import { feeBasisViewSchema, roleLabels, staffAssigneeListSchema, supervisionViewSchema, type Role, type StaffAssigneeList } from '@zwgk/shared';
import { staffCanSeeBody } from '../../auth/middleware';
import { requestsDeps, today } from '../../requests/commands/deps';
import { getBody } from '../../requests/commands/bodies';
import { notFound } from '../../errors';
import { Staff } from '../../models/staff';
import { defineRoute } from '../../openapi/defineRoute';
import type { RouteFactory } from '../types';
import { feeBasis } from './fee-basis';
import { assigneesQuery, feeBasisParams, supervisionQuery } from './schema';
import { supervision } from './supervision';

const TAGS = ['staff-console'];
/** Who takes requests first in the picker: the department handlers, then the office. */
const ROLE_ORDER: Record<string, number> = { handler: 0, clerk: 1, reviewer: 2, admin: 3 };

export const staffConsoleRoutes: RouteFactory = (app) => {
  const deps = requestsDeps(app);
  const router = new Router();

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/supervision',
    summary: '督办：即将超时和已超期的申请（按承办部门或机关）、平均办理时间、本年各办理结果数量',
    description: '供审核人（政府信息公开工作机构负责人）和管理员使用；年度默认今年。',
    tags: TAGS,
    auth: ['reviewer', 'admin'],
    query: supervisionQuery,
    response: supervisionViewSchema,
    handler: async (ctx, { query, actor }) => {
      ctx.set('Cache-Control', 'no-store');
      return supervision(deps, actor, query.year ?? Number(today(deps).slice(0, 4)));
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/assignees',
    summary: '可分办的工作人员（本机关；县级管理员可指定本县机关）',
    tags: TAGS,
    auth: 'staff',
    query: assigneesQuery,
    response: staffAssigneeListSchema,
    errors: [404],
    handler: async (_ctx, { query, actor }): Promise<StaffAssigneeList> => {
      const bodyId = query.bodyId ?? actor.bodyId;
      const body = await getBody(bodyId);
      if (!body || !staffCanSeeBody(actor, { id: body._id, county: body.county })) throw notFound('未找到该机关', 'BODY_NOT_FOUND');
      const staff = await Staff.find({ bodyId }, { name: 1, role: 1, active: 1 }).lean();
      return {
        items: staff
          .filter((s) => s.active)
          .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.name.localeCompare(b.name, 'zh'))
          .map((s) => ({ id: s._id, name: s.name, role: s.role as Role, roleLabel: roleLabels[s.role as Role] })),
      };
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/staff/requests/:id/fee-basis',
    summary: '按件计收信息处理费：本申请是该申请人当月向本机关提出的第几件',
    tags: TAGS,
    auth: 'staff',
    params: feeBasisParams,
    response: feeBasisViewSchema,
    errors: [404, 409],
    handler: (_ctx, { params, actor }) => feeBasis(actor, params.id),
  });

  return router;
};
