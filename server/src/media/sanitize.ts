// The body of an item is rich text written in an editor (or pasted from Word). It is shown
// on the public site, in feeds and on WeChat, so it is sanitised once, when it is stored:
// sanitize-html's defaults (no script/style/iframe, no event handlers, no javascript: URLs)
// plus images, whose sources may be http(s) or an inline data: picture.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img'],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of a body (feeds' summaries, Weibo). */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/** `src` of every <img> in a sanitised body, in order, without repeats. */
export function imageSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc="([^"]+)"/gi)) out.add(decodeEntities(m[1]!));
  return [...out];
}

/** Replaces image sources (e.g. with the WeChat uploadimg URLs). */
export function replaceImageSources(html: string, map: Record<string, string>): string {
  return html.replace(/(<img\b[^>]*?\bsrc=")([^"]+)(")/gi, (all, a: string, src: string, b: string) => {
    const to = map[decodeEntities(src)];
    return to === undefined ? all : `${a}${escapeAttr(to)}${b}`;
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
