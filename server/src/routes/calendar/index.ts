// The working-day calendar in effect (base data + the county administrator's overrides):
//   GET    /api/calendar                          public: what the app computes suggested dates with
//   PUT    /api/staff/calendar/overrides/:date    county-wide admin: a day off or a working day
//   DELETE /api/staff/calendar/overrides/:date    county-wide admin: back to the base data
//   POST   /api/staff/calendar/notice             county-wide admin: a year's State Council notice, pasted
// One calendar per deployment (a county's server): every body's deadlines use it.
import Router from '@koa/router';
import { audit } from '../../audit';
import { calendarOverrideBodySchema, holidayNoticeBodySchema, parseHolidayNotice, publishedCalendarSchema } from '@zwgk/shared';
import { publishedCalendar, removeOverride, setOverride, setOverrides } from '../../calendar/effective';
import { AppError, forbidden, notFound } from '../../errors';
import { defineRoute } from '../../openapi/defineRoute';
import type { StaffActor } from '../../auth/actor';
import type { RouteFactory } from '../types';
import { dateParams } from './schema';

const TAGS = ['calendar'];

function assertCountyAdmin(actor: StaffActor): void {
  if (!actor.countyWide) throw forbidden('只有县级管理员可以调整节假日和调休安排', 'COUNTY_ADMIN_ONLY');
}

export const calendarRoutes: RouteFactory = (app) => {
  const router = new Router();

  defineRoute(router, {
    method: 'get',
    path: '/api/calendar',
    summary: '生效的工作日历（国务院办公厅节假日安排 + 县级管理员的调整）',
    description: '小程序据此推算建议日期（补正期限、征求意见答复期限、答复期限），与服务器的计算一致。',
    tags: TAGS,
    auth: 'public',
    response: publishedCalendarSchema,
    handler: async (ctx) => {
      // Small and public, but it must not be stale after an admin's change: revalidate each time.
      ctx.set('Cache-Control', 'no-cache');
      return publishedCalendar();
    },
  });

  defineRoute(router, {
    method: 'put',
    path: '/api/staff/calendar/overrides/:date',
    summary: '设置某日放假或上班（调休、地方节假日、次年安排）',
    tags: TAGS,
    auth: ['admin'],
    params: dateParams,
    body: calendarOverrideBodySchema,
    response: publishedCalendarSchema,
    handler: async (ctx, { params, body, actor }) => {
      assertCountyAdmin(actor);
      await setOverride(params.date, body, actor.staffId);
      await audit(ctx, 'calendar.override.set', { date: params.date, kind: body.kind, name: body.name ?? null }).catch((err: unknown) =>
        app.logger.error({ err }, 'audit write failed'),
      );
      return publishedCalendar();
    },
  });

  defineRoute(router, {
    method: 'delete',
    path: '/api/staff/calendar/overrides/:date',
    summary: '撤销对某日的调整（恢复为国务院办公厅安排，或未录入年份的法定节假日与周一至周五）',
    tags: TAGS,
    auth: ['admin'],
    params: dateParams,
    response: publishedCalendarSchema,
    errors: [404],
    handler: async (ctx, { params, actor }) => {
      assertCountyAdmin(actor);
      if (!(await removeOverride(params.date))) throw notFound('该日期没有调整', 'CALENDAR_OVERRIDE_NOT_FOUND');
      await audit(ctx, 'calendar.override.removed', { date: params.date }).catch((err: unknown) => app.logger.error({ err }, 'audit write failed'));
      return publishedCalendar();
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/staff/calendar/notice',
    summary: '录入国务院办公厅某年的节假日安排（粘贴通知中的各条安排）',
    description: '每条安排的放假日期和调休上班日期录为该年的调整；有一处不能识别或自相矛盾，则整份不录入，并按行说明原因。',
    tags: TAGS,
    auth: ['admin'],
    body: holidayNoticeBodySchema,
    response: publishedCalendarSchema,
    errors: [422],
    handler: async (ctx, { body, actor }) => {
      assertCountyAdmin(actor);
      const { days, problems } = parseHolidayNotice(body.text, body.year);
      if (problems.length > 0) throw new AppError(422, 'NOTICE_NOT_UNDERSTOOD', problems.map((p) => p.message).join('\n'), { problems });
      await setOverrides(days, actor.staffId);
      await audit(ctx, 'calendar.notice.entered', { year: body.year, offDays: days.filter((d) => d.kind === 'off').length, workDays: days.filter((d) => d.kind === 'work').length }).catch(
        (err: unknown) => app.logger.error({ err }, 'audit write failed'),
      );
      return publishedCalendar();
    },
  });

  return router;
};
