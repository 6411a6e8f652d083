// GET /public/items/<id>: the item on the body's own site — the page Weibo posts, WeChat's
// 阅读原文 and the feeds link to. Only published items whose time has come; the body HTML
// was sanitised when stored, everything else is escaped here.
import type Router from '@koa/router';
import { categoryInfo, legalDateOf, originLabels } from '@zwgk/shared';
import { notFound } from '../../errors';
import { ContentItem } from '../../media/models/content-item';
import type { MediaSettings } from '../../media/settings';
import { Body } from '../../models/body';
import { defineRoute } from '../../openapi/defineRoute';
import { idParams } from './schema';

/**
 * The page's own inline styles and the item's images (sanitised <img> from the body's site or
 * data: URLs) may load; nothing may run (no script source at all), submit or frame the page.
 * The API's default CSP (default-src 'none') would block the styles and images.
 */
export const ITEM_PAGE_CSP = "default-src 'none'; img-src 'self' data: https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function publicItemRoutes(router: Router, settings: MediaSettings): void {
  defineRoute(router, {
    method: 'get',
    path: '/public/items/:id',
    summary: '公开信息页面（网站上的原文）',
    tags: ['media'],
    auth: 'public',
    params: idParams,
    responseContentType: 'text/html',
    errors: [404],
    handler: async (ctx, { params }) => {
      const item = await ContentItem.findById(params.id).lean();
      if (!item || item.status !== 'published' || !item.publishedAt || item.publishedAt.getTime() > Date.now()) throw notFound('未找到该信息');
      const body = await Body.findById(item.bodyId, { name: 1 }).lean();
      const rows: Array<[string, string]> = [
        ['发布机关', body?.name ?? item.bodyId],
        ['类别', categoryInfo[item.category].label],
        ['发布日期', legalDateOf(item.publishedAt)],
        ...(item.document?.docNumber ? [['文号', item.document.docNumber] as [string, string]] : []),
        ...(item.document?.issuedOn ? [['印发日期', item.document.issuedOn] as [string, string]] : []),
        ...(item.document?.abolishedOn ? [['废止日期', `${item.document.abolishedOn}（已废止）`] as [string, string]] : []),
        ...(item.origin === 'repost' ? [['来源', `${originLabels.repost}自${item.source?.name ?? ''}`] as [string, string]] : []),
      ];
      const attachments = item.attachments.map((a) => `<li><a href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.name)}</a></li>`).join('');
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.set('Content-Security-Policy', ITEM_PAGE_CSP);
      ctx.body = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(item.title)} - ${esc(body?.name ?? '')}</title>
<link rel="alternate" type="application/rss+xml" href="${esc(`/feeds/${item.bodyId}/rss.xml`)}">
<style>body{font:16px/1.7 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;color:#57606a}dt{font-weight:600}img{max-width:100%}</style>
</head><body><article><h1>${esc(item.title)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<div class="content">${item.bodyHtml}</div>
${attachments ? `<h2>附件</h2><ul>${attachments}</ul>` : ''}
</article><footer><a href="${esc(settings.siteBaseUrl)}/">${esc(body?.name ?? '')}</a></footer></body></html>`;
      return undefined;
    },
  });
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
