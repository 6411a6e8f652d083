// Share cards and the share page (issue 8 §5–6).
//   GET /api/cards/:body/:year/:size.png|.svg?edition=   chat 500×400 · moments 600×600 · og 1200×630 · poster 750×1334
//   GET /share/:body/:year                               mobile page with the figures and Open Graph tags
// The ETag of a card is the hash of what it draws, known before rendering: a client (or CDN)
// that has it gets a 304 without any rendering; a published edition's cards never change.
import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { AppError } from '../../errors';
import { defineRoute } from '../../openapi/defineRoute';
import { cardSizes, type CardSize } from '../../reports/cards/layouts';
import { cardEtag, cardKey, missingGlyphs, renderCard, type CardFormat, type CardRequest } from '../../reports/cards/render';
import { sha256 } from '../../reports/edition';
import { headlineOf } from '../../reports/headline';
import { appLinks, reportLinks } from '../../reports/links';
import { renderSharePage } from '../../reports/share-page';
import { resolveReport } from '../../reports/view';
import { cacheControlFor, etagMatches, HTML_CSP, sendConditional } from '../reports/http';
import { editionQuery } from '../reports/schema';
import type { RouteFactory } from '../types';
import { cardParams, shareParams } from './schema';

const notPublishedPage = (year: number) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>报告尚未发布</title>
<style>body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#fbfaf7;color:#1d2129;margin:0;padding:48px 24px;text-align:center}p{color:#5c6370}</style></head>
<body><h1>报告尚未发布</h1><p>该机关${year}年度政府信息公开工作年度报告尚未发布，或链接有误。</p></body></html>
`;

export const shareRoutes: RouteFactory = ({ config, logger }) => {
  const router = new Router();
  const base = config.publicBaseUrl;

  for (const format of ['png', 'svg'] as const satisfies readonly CardFormat[]) {
    defineRoute(router, {
      method: 'get',
      path: `/api/cards/:body/:year/:size.${format}`,
      summary: `年度报告分享卡片（${format.toUpperCase()}）：${Object.entries(cardSizes)
        .map(([k, v]) => `${k} ${v.width}×${v.height}`)
        .join('、')}`,
      description: '按内容哈希缓存并带 ETag；已发布版本的卡片永不改变。草稿卡片仅本机关工作人员可取。',
      tags: ['reports'],
      auth: 'public',
      params: cardParams,
      query: editionQuery,
      responseContentType: format === 'png' ? 'image/png' : 'image/svg+xml',
      errors: [304, 404],
      handler: async (ctx, { params, query, actor }) => {
        const r = await resolveReport(params.body, params.year, query.edition ?? 'current', actor);
        const req: CardRequest = {
          headline: headlineOf(r, params.body),
          size: params.size as CardSize,
          format,
          shareUrl: reportLinks(base, params.body, params.year).share,
        };
        const etag = cardEtag(cardKey(req));
        const cacheControl = cacheControlFor(r);
        if (etagMatches(ctx, etag)) return sendConditional(ctx, { body: '', etag, contentType: '', cacheControl });
        const card = await renderCard(req);
        if (missingGlyphs.size > 0) logger.warn({ glyphs: [...missingGlyphs].join('') }, 'card text without a glyph in the card font');
        ctx.set('Server-Timing', `card;desc="${card.cached ? 'cache' : 'render'}"`);
        sendConditional(ctx, { body: card.body, etag: card.etag, contentType: card.contentType, cacheControl });
      },
    });
  }

  defineRoute(router, {
    method: 'get',
    path: '/share/:body/:year',
    summary: '年度报告分享页（手机网页，含 Open Graph 预览图与进入小程序的链接）',
    tags: ['reports'],
    auth: 'public',
    params: shareParams,
    responseContentType: 'text/html',
    errors: [304, 404],
    handler: async (ctx: ParameterizedContext, { params, actor }) => {
      let html: string;
      let r;
      try {
        r = await resolveReport(params.body, params.year, 'current', actor);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 404) throw err;
        ctx.status = 404;
        ctx.type = 'text/html; charset=utf-8';
        ctx.set('Content-Security-Policy', HTML_CSP);
        ctx.set('Cache-Control', 'public, max-age=60');
        ctx.body = notPublishedPage(params.year);
        return;
      }
      const links = reportLinks(base, params.body, params.year, r.edition?.n);
      const app = appLinks(base, config.wechatAppId, params.body, params.year);
      html = renderSharePage(headlineOf(r, params.body), { page: links.share, ogImage: links.og, h5: app.h5, weapp: app.weapp, html: links.html, docx: links.docx, txt: links.txt, poster: links.poster });
      sendConditional(ctx, { body: html, etag: `"share-${sha256(html).slice(0, 32)}"`, contentType: 'text/html; charset=utf-8', cacheControl: r.edition ? 'public, max-age=60' : 'private, no-cache', csp: HTML_CSP });
    },
  });

  return router;
};
