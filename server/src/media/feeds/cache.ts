// Feeds are read far more often than items change, and building one scans the body's items
// (FerretDB has no index for it). So each instance keeps built feeds in memory, keyed by
// body, category and format, and reuses one while
//   - the body's feed stamp (one `_id` read, changed by every publish/abolition) is the same, and
//   - no scheduled item has come due since it was built (validUntil).
// Losing the cache is harmless; no instance can serve a feed older than the stamp says.
// ETag = hash of the content; Last-Modified = newest change among its items.
import { createHash } from 'node:crypto';
import type { ContentCategory } from '@zwgk/shared';
import { ContentItem } from '../models/content-item';
import type { MediaSettings } from '../settings';
import { buildFeed, FEED_FILES, type FeedFormat, type FeedItem } from './build';
import { feedStamp } from './stamp';

export interface BuiltFeed {
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date;
}

interface Entry extends BuiltFeed {
  stamp: string;
  validUntil: number;
}

export const FEED_SIZE = 50;
const MAX_ENTRIES = 200;
const MAX_AGE_MS = 10 * 60_000;

export class FeedCache {
  private readonly entries = new Map<string, Entry>();
  /** feeds built (not served from memory), for tests and diagnostics */
  builds = 0;

  constructor(private readonly deps: { settings: Pick<MediaSettings, 'siteBaseUrl'>; publicBaseUrl: string; now?: () => number }) {}

  async get(body: { id: string; name: string }, format: FeedFormat, category?: ContentCategory): Promise<BuiltFeed> {
    const now = (this.deps.now ?? Date.now)();
    const key = `${body.id}|${category ?? ''}|${format}`;
    const stamp = await feedStamp(body.id);
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && now < hit.validUntil) return hit;

    const docs = await ContentItem.find(
      { bodyId: body.id, status: 'published', ...(category ? { category } : {}) },
      { title: 1, summary: 1, bodyHtml: 1, category: 1, publishedAt: 1, updatedAt: 1, origin: 1, source: 1, document: 1 },
    ).lean<FeedItem[]>();
    const visible = docs.filter((d) => d.publishedAt && d.publishedAt.getTime() <= now).sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || b._id.localeCompare(a._id));
    const nextDue = docs.map((d) => d.publishedAt?.getTime() ?? 0).filter((t) => t > now).sort((a, b) => a - b)[0];
    const items = visible.slice(0, FEED_SIZE);
    const lastModified = new Date(Math.floor(Math.max(0, ...items.map((i) => Math.max(i.publishedAt!.getTime(), i.updatedAt.getTime()))) / 1000) * 1000);
    const text = buildFeed(format, { body, ...(category ? { category } : {}), items, settings: this.deps.settings, publicBaseUrl: this.deps.publicBaseUrl, updated: lastModified });
    const entry: Entry = {
      body: text,
      contentType: FEED_FILES[format].contentType,
      etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`,
      lastModified,
      stamp,
      validUntil: Math.min(now + MAX_AGE_MS, nextDue ?? Infinity),
    };
    this.builds += 1;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}
