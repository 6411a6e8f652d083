// GET /share/<body>/<year>: the page a shared link opens — on a phone first. The figures as
// large numbers, the outcome mix, links into the mini-program (WeChat URL scheme when an AppID
// is configured; the H5 build of the same page otherwise) and to the full report (printable
// page, Word, text). Open Graph / Twitter meta point at the 1200×630 card by absolute URL, so
// WeChat, Weibo and browsers show it as the link preview. No scripts; inline CSS only.
import { escapeHtml } from '@zwgk/shared';
import type { Headline } from './headline';

export interface ShareLinks {
  /** Absolute URL of this page. */
  page: string;
  /** Absolute URL of the 1200×630 card. */
  ogImage: string;
  /** The H5 app's figures page for this report. */
  h5: string;
  /** weixin:// URL scheme into the mini-program, when an AppID is configured. */
  weapp: string | null;
  /** Full report formats (relative or absolute). */
  html: string;
  docx: string;
  txt: string;
  poster: string;
}

const e = escapeHtml;

const style = `
*{box-sizing:border-box}
body{margin:0;background:#f4f2ee;color:#1d2129;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans SC",sans-serif;line-height:1.5;-webkit-text-size-adjust:100%}
main{max-width:640px;margin:0 auto;background:#fbfaf7;min-height:100vh}
header{background:#a8201a;color:#fff;padding:28px 20px 22px}
header .kicker{font-size:14px;opacity:.85;margin:0}
header h1{font-size:24px;margin:6px 0 4px;line-height:1.3}
header .title{font-size:16px;margin:0}
header .stamp{font-size:13px;opacity:.85;margin:10px 0 0}
.draft{display:inline-block;background:#fff3e0;color:#8a4b00;font-size:13px;padding:2px 8px;border-radius:4px;margin-top:8px}
.figures{display:grid;grid-template-columns:repeat(2,1fr);gap:1px;background:#e6e2da;margin:0;padding:0}
.figure{background:#fbfaf7;padding:16px 20px;margin:0}
.figure dt{font-size:14px;color:#5c6370}
.figure dd{margin:4px 0 0}
.figure .value{font-size:36px;font-weight:700;color:#a8201a;line-height:1.1}
.figure .unit{font-size:15px;margin-left:3px}
.figure .detail{display:block;font-size:12px;color:#8a8f98;margin-top:2px}
section{padding:18px 20px}
h2{font-size:16px;margin:0 0 10px}
.bar{display:flex;height:12px;border-radius:6px;overflow:hidden;background:#e6e2da}
.legend{list-style:none;padding:0;margin:10px 0 0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:14px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.actions{display:flex;flex-direction:column;gap:10px}
.button{display:block;text-align:center;padding:12px;border-radius:8px;text-decoration:none;font-size:16px}
.primary{background:#a8201a;color:#fff}
.secondary{background:#fff;color:#1d2129;border:1px solid #d9d4ca}
.formats{font-size:14px;color:#5c6370}
.formats a{color:#1d4f91;margin-right:14px}
footer{padding:16px 20px 28px;font-size:12px;color:#8a8f98;border-top:1px solid #e6e2da}
`.trim();

const COLOURS: Record<string, string> = { 予以公开: '#3f7d4e', 部分公开: '#8aa95b', 不予公开: '#b5543c', 无法提供: '#d2a24c', 不予处理: '#8a8f98', 其他处理: '#5f7fa8' };

export function renderSharePage(d: Headline, links: ShareLinks): string {
  const description = d.figures.map((f) => `${f.label}${f.value}${f.unit}`).join('，');
  const pageTitle = `${d.body}${d.title}`;
  const total = d.outcomes.reduce((a, o) => a + o.value, 0);
  const figures = d.figures
    .map(
      (f) =>
        `<div class="figure"><dt>${e(f.label)}</dt><dd><span class="value">${e(f.value)}</span><span class="unit">${e(f.unit)}</span>${f.detail ? `<span class="detail">${e(f.detail)}</span>` : ''}</dd></div>`,
    )
    .join('\n');
  const outcomes =
    total > 0
      ? `<section aria-labelledby="outcomes"><h2 id="outcomes">办理结果（本年办结${total}件）</h2>
<div class="bar" role="img" aria-label="${e(d.outcomes.map((o) => `${o.label}${o.value}件`).join('，'))}">${d.outcomes
          .map((o) => `<span style="flex:${o.value};background:${COLOURS[o.label] ?? '#8a8f98'}"></span>`)
          .join('')}</div>
<ul class="legend">${d.outcomes.map((o) => `<li><i style="background:${COLOURS[o.label] ?? '#8a8f98'}"></i>${e(o.label)} ${o.value}件</li>`).join('')}</ul></section>`
      : '';
  const app = links.weapp
    ? `<a class="button primary" href="${e(links.weapp)}">在微信小程序中查看</a><a class="button secondary" href="${e(links.h5)}">在网页版中查看</a>`
    : `<a class="button primary" href="${e(links.h5)}">在政务公开助手中查看</a>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>${e(pageTitle)}</title>
<meta name="description" content="${e(description)}">
<link rel="canonical" href="${e(links.page)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="政务公开助手">
<meta property="og:locale" content="zh_CN">
<meta property="og:title" content="${e(pageTitle)}">
<meta property="og:description" content="${e(description)}">
<meta property="og:url" content="${e(links.page)}">
<meta property="og:image" content="${e(links.ogImage)}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta property="og:image:alt" content="${e(`${pageTitle}：${description}`)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${e(pageTitle)}">
<meta name="twitter:description" content="${e(description)}">
<meta name="twitter:image" content="${e(links.ogImage)}">
<style>
${style}
</style>
</head>
<body>
<main>
<header>
<p class="kicker">${d.year}年度</p>
<h1>${e(d.body)}</h1>
<p class="title">政府信息公开工作年度报告</p>
<p class="stamp">${e(d.stamp)}</p>
${d.draft ? '<span class="draft">草稿：尚未发布，数据可能变化</span>' : ''}
</header>
<dl class="figures">
${figures}
</dl>
${outcomes}
<section class="actions">
${app}
<a class="button secondary" href="${e(links.poster)}">保存分享海报</a>
</section>
<section class="formats"><h2>完整报告</h2><a href="${e(links.html)}">网页版（可打印）</a><a href="${e(links.docx)}">Word 文档</a><a href="${e(links.txt)}">纯文本</a></section>
<footer>${e(d.source)}</footer>
</main>
</body>
</html>
`;
}
