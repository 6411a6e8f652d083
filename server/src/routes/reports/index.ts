// The annual-report API (issue 8).
//   GET  /api/reports/county/:county?years=          county overview (staff; county-wide admins see every body)
//   GET  /api/reports/:body/:year[.txt|.md|.html|.docx]?edition=   the report (JSON with checks, or a format)
//   GET  /api/reports/:body/:year/inputs              staff input + narrative (editor)
//   PUT  /api/reports/:body/:year/inputs              save them (optimistic version)
//   POST /api/reports/:body/:year/publish             freeze the draft as an edition (reviewer/admin)
//   POST /api/reports/:body/import                    a published report's text → historical edition
// Which edition: see reports/view.ts. Staff act only on bodies they can see (canSeeBody);
// another body's draft is a 404, as if it did not exist.
import Router from '@koa/router';
import {
  countyOverviewSchema,
  reportImportBodySchema,
  reportImportResponseSchema,
  reportInputsBodySchema,
  reportInputsViewSchema,
  reportPublishBodySchema,
  reportPublishResponseSchema,
  reportViewSchema,
} from '@zwgk/shared';
import { audit } from '../../audit';
import type { StaffActor } from '../../auth/actor';
import { canSeeBody } from '../../auth/middleware';
import { AppError, conflict, notFound } from '../../errors';
import { defineRoute } from '../../openapi/defineRoute';
import { getDraft } from '../../reports/draft';
import { sha256 } from '../../reports/edition';
import { getSnapshot, importEdition, publishEdition } from '../../reports/editions';
import { figureDefinitions } from '../../reports/figures';
import { formatReport, reportFormats, type ReportFormat } from '../../reports/formats';
import { readInputs, saveInputs } from '../../reports/inputs';
import { countyOverview } from '../../reports/overview';
import { readiness } from '../../reports/readiness';
import { bodyName } from '../../reports/sources';
import { checked, previousReport, resolveReport } from '../../reports/view';
import type { RouteFactory } from '../types';
import { cacheControlFor, HTML_CSP, sendConditional } from './http';
import { presentReport } from './present';
import { bodyParams, countyParams, countyQuery, editionQuery, parseYears, reportParams } from './schema';

const TAGS = ['reports'];
const EDITORS = ['reviewer', 'admin'] as const;

async function assertBody(actor: StaffActor, bodyId: string): Promise<void> {
  if (!(await canSeeBody(actor, bodyId))) throw notFound('未找到该机关', 'BODY_NOT_FOUND');
}

const formatSummaries: Record<ReportFormat, string> = {
  txt: '年度报告纯文本（官方版式，表格以制表符分隔）',
  md: '年度报告 Markdown',
  html: '年度报告网页（可打印，官方表格版式）',
  docx: '年度报告 Word 文档（三张表格为官方版式，含合并单元格）',
};

export const reportRoutes: RouteFactory = ({ config }) => {
  const router = new Router();

  // Before /:body/:year, which would otherwise take "county" for a body.
  defineRoute(router, {
    method: 'get',
    path: '/api/reports/county/:county',
    summary: '全县年度报告总览：各机关×各年度的状态、主要数据和全部勾稽错误',
    tags: TAGS,
    auth: 'staff',
    params: countyParams,
    query: countyQuery,
    response: countyOverviewSchema,
    handler: async (ctx, { params, query, actor }) => {
      const years = parseYears(query.years, new Date());
      if (years.length > 10) throw new AppError(400, 'TOO_MANY_YEARS', '一次最多查看10个年度');
      const overview = await countyOverview(params.county, years, actor);
      if (overview.rows.length === 0) throw notFound('未找到该县的机关', 'COUNTY_NOT_FOUND');
      ctx.set('Cache-Control', 'private, no-cache');
      return overview;
    },
  });

  for (const format of reportFormats) {
    defineRoute(router, {
      method: 'get',
      path: `/api/reports/:body/:year.${format}`,
      summary: formatSummaries[format],
      tags: TAGS,
      auth: 'public',
      params: reportParams,
      query: editionQuery,
      responseContentType: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : `text/${format === 'txt' ? 'plain' : format === 'md' ? 'markdown' : 'html'}`,
      errors: [304, 404],
      handler: async (ctx, { params, query, actor }) => {
        const r = await resolveReport(params.body, params.year, query.edition ?? 'current', actor);
        const f = await formatReport(r, format);
        sendConditional(ctx, { ...f, cacheControl: cacheControlFor(r), download: format === 'docx', ...(format === 'html' ? { csp: HTML_CSP } : {}) });
      },
    });
  }

  defineRoute(router, {
    method: 'get',
    path: '/api/reports/:body/:year',
    summary: '年度报告（JSON，含勾稽关系检查）；edition=current|draft|版本号',
    description: '未发布时仅本机关工作人员可看到草稿；已发布的报告公开。',
    tags: TAGS,
    auth: 'public',
    params: reportParams,
    query: editionQuery,
    response: reportViewSchema,
    errors: [304, 404],
    handler: async (ctx, { params, query, actor }) => {
      const r = await resolveReport(params.body, params.year, query.edition ?? 'current', actor);
      const view = await presentReport(r, config);
      const body = JSON.stringify(view);
      sendConditional(ctx, { body, etag: `"json-${sha256(body).slice(0, 32)}"`, contentType: 'application/json; charset=utf-8', cacheControl: cacheControlFor(r) });
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/reports/:body/:year/inputs',
    summary: '报告编辑：表二填报数据、各部分正文（可用 {{数据项}} 引用数据）及可引用的数据项',
    tags: TAGS,
    auth: 'staff',
    params: reportParams,
    response: reportInputsViewSchema,
    errors: [404],
    handler: async (ctx, { params, actor }) => {
      await assertBody(actor, params.body);
      const [inputs, draft] = await Promise.all([readInputs(params.body, params.year), getDraft(params.body, params.year)]);
      ctx.set('Cache-Control', 'private, no-cache');
      return {
        bodyId: params.body,
        year: params.year,
        version: inputs.version,
        saved: inputs.saved,
        section2: inputs.section2,
        narrative: inputs.narrative,
        figures: figureDefinitions.map((f) => ({ key: f.key, token: `{{${f.key}}}`, label: f.label, value: draft.data.figures[f.key] })),
        updatedAt: inputs.updatedAt ? new Date(inputs.updatedAt).toISOString() : null,
      };
    },
  });

  defineRoute(router, {
    method: 'put',
    path: '/api/reports/:body/:year/inputs',
    summary: '保存报告编辑内容（version 为读取时的版本，已被他人修改时 409）',
    tags: TAGS,
    auth: 'staff',
    params: reportParams,
    body: reportInputsBodySchema,
    response: reportInputsViewSchema,
    errors: [404, 409],
    handler: async (ctx, { params, body, actor }) => {
      await assertBody(actor, params.body);
      const saved = await saveInputs(params.body, params.year, { version: body.version, ...(body.section2 ? { section2: body.section2 } : {}), ...(body.narrative ? { narrative: body.narrative } : {}), by: actor.staffId, now: new Date() });
      await audit(ctx, 'report.inputs_saved', { bodyId: params.body, year: params.year, version: saved.version });
      const draft = await getDraft(params.body, params.year);
      return {
        bodyId: params.body,
        year: params.year,
        version: saved.version,
        saved: true,
        section2: saved.section2,
        narrative: saved.narrative,
        figures: figureDefinitions.map((f) => ({ key: f.key, token: `{{${f.key}}}`, label: f.label, value: draft.data.figures[f.key] })),
        updatedAt: saved.updatedAt ? saved.updatedAt.toISOString() : null,
      };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/reports/:body/:year/publish',
    summary: '发布年度报告（冻结当前草稿为一版；已发布后再发布即为更正，各版保留）',
    tags: TAGS,
    auth: EDITORS,
    params: reportParams,
    body: reportPublishBodySchema,
    response: reportPublishResponseSchema,
    status: 201,
    errors: [404, 409, 422],
    handler: async (ctx, { params, body, actor }) => {
      await assertBody(actor, params.body);
      const draft = await getDraft(params.body, params.year);
      if (body.fingerprint && body.fingerprint !== draft.fingerprint) {
        throw conflict('报告数据在您查看之后已有变化，请刷新核对后再发布', 'REPORT_CHANGED', { fingerprint: draft.fingerprint });
      }
      const previous = await previousReport(params.body, params.year, true);
      const { checks } = checked(draft.data.report, previous);
      const ready = readiness(draft.data, checks);
      if (ready.blockers.length > 0) throw new AppError(422, 'REPORT_NOT_READY', '报告尚不能发布：' + ready.blockers.join('；'), { blockers: ready.blockers, cautions: ready.cautions });
      const now = new Date();
      const { edition, created } = await publishEdition(params.body, params.year, { data: draft.data, on: body.on, note: body.note, by: actor.staffId, now });
      if (created) await audit(ctx, created && edition.kind === 'correction' ? 'report.corrected' : 'report.published', { bodyId: params.body, year: params.year, edition: edition.n, on: edition.on });
      const snapshot = await getSnapshot(params.body, params.year);
      ctx.status = created ? 201 : 200;
      ctx.body = {
        created,
        cautions: ready.cautions,
        edition: { n: edition.n, kind: edition.kind, on: edition.on, ...(edition.note ? { note: edition.note } : {}) },
        editions: (snapshot?.editions ?? []).map((e) => ({ n: e.n, kind: e.kind, on: e.on, ...(e.note ? { note: e.note } : {}) })),
      };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/reports/:body/import',
    summary: '导入往年已发布的年度报告（全文文本，由共享读取器解析），作为历史版本保存',
    tags: TAGS,
    auth: EDITORS,
    params: bodyParams,
    body: reportImportBodySchema,
    response: reportImportResponseSchema,
    status: 201,
    errors: [404, 409, 422],
    handler: async (ctx, { params, body, actor }) => {
      await assertBody(actor, params.body);
      const name = await bodyName(params.body);
      const { edition, year, issues } = await importEdition(params.body, {
        text: body.text,
        year: body.year,
        on: body.publishedOn ?? undefined,
        note: body.note,
        bodyName: name,
        by: actor.staffId,
        now: new Date(),
      });
      await audit(ctx, 'report.imported', { bodyId: params.body, year, edition: edition.n });
      const previous = await previousReport(params.body, year, false);
      const { ok, failures } = checked(edition.data.report, previous);
      return { year, edition: { n: edition.n, kind: edition.kind, on: edition.on, ...(edition.note ? { note: edition.note } : {}) }, issues, ok, failures };
    },
  });

  return router;
};

