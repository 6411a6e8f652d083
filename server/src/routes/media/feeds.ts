// Public feeds of a body's proactively disclosed items:
//   GET /feeds/<bodyId>/rss.xml | atom.xml | feed.json   [?category=policy_document…]
// Conditional GET: ETag (content hash) and Last-Modified; If-None-Match / If-Modified-Since
// answer 304 without a body. Built feeds are cached per instance (media/feeds/cache.ts).
import type Router from '@koa/router';
import { z } from 'zod';
import { notFound } from '../../errors';
import type { FeedCache } from '../../media/feeds/cache';
import type { FeedFormat } from '../../media/feeds/build';
import { Body } from '../../models/body';
import { defineRoute } from '../../openapi/defineRoute';
import { feedParams, feedQuery } from './schema';

const FORMAT: Record<z.infer<typeof feedParams>['file'], FeedFormat> = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };

export function feedRoutes(router: Router, cache: FeedCache): void {
  defineRoute(router, {
    method: 'get',
    path: '/feeds/:bodyId/:file',
    summary: '机关主动公开信息订阅（RSS 2.0 / Atom / JSON Feed），可按类别',
    tags: ['media'],
    auth: 'public',
    params: feedParams,
    query: feedQuery,
    responseContentType: 'application/rss+xml',
    errors: [304, 404],
    handler: async (ctx, { params, query }) => {
      const body = await Body.findById(params.bodyId, { name: 1 }).lean();
      if (!body) throw notFound('未找到该机关');
      const feed = await cache.get({ id: body._id, name: body.name }, FORMAT[params.file], query.category);
      ctx.set('ETag', feed.etag);
      ctx.set('Last-Modified', feed.lastModified.toUTCString());
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.set('Vary', 'Accept-Encoding');
      ctx.type = feed.contentType;
      if (notModified(ctx.get('if-none-match'), ctx.get('if-modified-since'), feed.etag, feed.lastModified)) {
        ctx.status = 304;
        // null (not undefined) tells defineRoute the response is complete.
        ctx.body = null;
        return undefined;
      }
      ctx.status = 200;
      ctx.body = feed.body;
      return undefined;
    },
  });
}

/** RFC 9110 §13.1: If-None-Match wins; If-Modified-Since only without it. */
function notModified(ifNoneMatch: string, ifModifiedSince: string, etag: string, lastModified: Date): boolean {
  if (ifNoneMatch) {
    const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && lastModified.getTime() <= since;
  }
  return false;
}
