// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of one body's published items (optionally one
// category), with the `feed` package. GUIDs/ids are the item's permanent link on the body's
// site (never changes); dates are RFC 822 in RSS and RFC 3339 in Atom and JSON Feed.
// Titles are plain text: Atom marks them type="html", so they are HTML-escaped there;
// bodies are sanitised HTML (media/sanitize.ts) and go in as HTML.
import { categoryInfo, type ContentCategory } from '@zwgk/shared';
import { Feed } from 'feed';
import type { ContentItemDoc } from '../models/content-item';
import { plainText } from '../sanitize';
import { itemLink, type MediaSettings } from '../settings';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, { file: string; contentType: string }> = {
  rss: { file: 'rss.xml', contentType: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', contentType: 'application/feed+json; charset=utf-8' },
};

export type FeedItem = Pick<ContentItemDoc, '_id' | 'title' | 'summary' | 'bodyHtml' | 'category' | 'publishedAt' | 'updatedAt' | 'origin' | 'source' | 'document'>;

export interface FeedInput {
  body: { id: string; name: string };
  category?: ContentCategory;
  items: FeedItem[];
  settings: Pick<MediaSettings, 'siteBaseUrl'>;
  /** where this server answers /feeds (PUBLIC_BASE_URL) */
  publicBaseUrl: string;
  /** newest change among the items (the feed's updated / lastBuildDate) */
  updated: Date;
}

export function buildFeed(format: FeedFormat, input: FeedInput): string {
  const { body, category } = input;
  const base = `${input.publicBaseUrl}/feeds/${encodeURIComponent(body.id)}/`;
  const query = category ? `?category=${category}` : '';
  const title = category ? `${body.name} · ${categoryInfo[category].label}` : `${body.name} · 政府信息主动公开`;
  const feed = new Feed({
    title: format === 'atom' ? escapeHtml(title) : title,
    description: `${body.name}主动公开的政府信息${category ? `（${categoryInfo[category].label}）` : ''}`,
    id: `${base}${query}`,
    link: `${input.settings.siteBaseUrl}/`,
    language: 'zh-CN',
    updated: input.updated,
    generator: '政务公开助手',
    copyright: body.name,
    author: { name: body.name, link: `${input.settings.siteBaseUrl}/` },
    feedLinks: { rss: `${base}rss.xml${query}`, atom: `${base}atom.xml${query}`, json: `${base}feed.json${query}` },
  });
  for (const item of input.items) {
    const link = itemLink(input.settings, item._id);
    const label = categoryInfo[item.category].label;
    const summary = item.summary ?? (Array.from(plainText(item.bodyHtml)).slice(0, 200).join('') || item.title);
    feed.addItem({
      title: format === 'atom' ? escapeHtml(item.title) : item.title,
      id: link,
      link,
      description: format === 'json' ? summary : escapeHtml(summary),
      content: item.bodyHtml || `<p>${escapeHtml(item.title)}</p>`,
      date: item.updatedAt > item.publishedAt! ? item.updatedAt : item.publishedAt!,
      published: item.publishedAt!,
      category: [{ name: label, term: item.category }],
    });
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  // The package writes JSON Feed 1; the same fields make a valid 1.1 document with its language.
  const json = JSON.parse(feed.json1()) as Record<string, unknown>;
  return JSON.stringify({ ...json, version: 'https://jsonfeed.org/version/1.1', language: 'zh-CN', authors: [{ name: body.name, url: `${input.settings.siteBaseUrl}/` }] }, null, 2);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
