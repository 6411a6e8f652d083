// GET /api/openapi.json (OpenAPI 3.1, generated from the route table) and GET /api/docs
// (a browsable HTML listing). Built once per app on first request: routes do not change
// after start.
import Router from '@koa/router';
import type Koa from 'koa';
import { z } from 'zod';
import { buildOpenApiDocument } from '../../openapi/document';
import { defineRoute } from '../../openapi/defineRoute';
import { DOCS_CSP, renderDocsPage } from '../../openapi/docsPage';
import { routeTable } from '../../openapi/registry';
import type { RouteFactory } from '../types';

const documents = new WeakMap<Koa, Record<string, unknown>>();

export const openApiResponse = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) });

export const openapiRoutes: RouteFactory = ({ config }) => {
  const router = new Router();
  const documentFor = (app: Koa) => {
    let doc = documents.get(app);
    if (!doc) {
      doc = buildOpenApiDocument(routeTable(app), { serverUrl: config.publicBaseUrl });
      documents.set(app, doc);
    }
    return doc;
  };

  defineRoute(router, {
    method: 'get',
    path: '/api/openapi.json',
    summary: '接口描述（OpenAPI 3.1）',
    tags: ['docs'],
    auth: 'public',
    response: openApiResponse,
    handler: (ctx) => {
      ctx.set('Cache-Control', 'no-cache');
      return documentFor(ctx.app) as z.input<typeof openApiResponse>;
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/docs',
    summary: '接口文档（网页）',
    tags: ['docs'],
    auth: 'public',
    responseContentType: 'text/html',
    handler: (ctx) => {
      ctx.set('Content-Security-Policy', DOCS_CSP);
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = renderDocsPage(documentFor(ctx.app) as Parameters<typeof renderDocsPage>[0]);
    },
  });
  return router;
};
