// Feeds of published items: RSS 2.0, Atom and JSON Feed parse with a standard parser and
// carry correct dates (RFC 822 / RFC 3339), stable GUIDs and escaped Chinese and HTML; they
// are cached with ETag / Last-Modified (304), filter by category, and respect scheduling.
import { XMLParser } from 'fast-xml-parser';
import { createJobStore } from '../../../server/src/jobs';
import { publishItem } from '../../../server/src/media/commands/publish';
import type { ContentItemDoc } from '../../../server/src/media/models/content-item';
import { Body } from '../../../server/src/models/body';
import { startTestServer, type TestServer } from '../../support/server';
import { approvedItem, BODY, editor, SITE } from './helpers';

let t: TestServer;
const jobs = createJobStore();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TITLE = (n: number) => `平武县第${n}条政务动态：“春耕”进行时 & <重点>`;

beforeAll(async () => {
  t = await startTestServer({ MEDIA_SITE_BASE_URL: SITE, JOBS_ENABLED: '0' });
  await Body.create({ _id: BODY, name: '平武县人民政府办公室', county: 'pingwu', countyName: '平武县', kind: 'government', guide: { address: '平武县龙安镇', phone: '0816-8822000', hours: '工作日' }, requestPrefix: 'PWZF' });
});
afterAll(() => t.close());

const publishNow = async (item: ContentItemDoc, publishAt?: Date) =>
  publishItem({ jobs, settings: { webhookUrl: undefined, webhookSecret: undefined } }, editor, item._id, { version: item.version, accountIds: [], ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) });

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.api(path, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const decodeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('feeds', () => {
  let first: ContentItemDoc;
  let second: ContentItemDoc;

  beforeAll(async () => {
    first = await publishNow(await approvedItem(1, { category: 'policy_document', document: { docNumber: '平府办发〔2023〕1号', issuedOn: '2023-01-05' }, summary: '摘要 <i>不是标签</i> & 符号' }));
    await new Promise((r) => setTimeout(r, 20));
    second = await publishNow(await approvedItem(2));
  });

  it('RSS 2.0: channel and items, RFC 822 dates, permalink GUIDs, Chinese and HTML escaped', async () => {
    const res = await get(`/feeds/${BODY}/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const rss = parser.parse(res.text).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('平武县人民政府办公室 · 政府信息主动公开');
    expect(rss.channel.language).toBe('zh-CN');
    expect(rss.channel.lastBuildDate).toMatch(RFC822);
    const items = asArray<Record<string, string>>(rss.channel.item);
    expect(items.map((i) => i.title)).toEqual([TITLE(2), TITLE(1)]); // newest first, exact text
    const one = items[1]!;
    expect(one.link).toBe(`${SITE}/public/items/${first._id}`);
    expect(one.guid).toBe(one.link);
    expect(one.pubDate).toMatch(RFC822);
    expect(new Date(one.pubDate!).getTime()).toBe(Math.floor(first.publishedAt!.getTime() / 1000) * 1000);
    expect(one.category).toBe('政策文件');
    expect(decodeHtml(one.description!)).toBe('摘要 <i>不是标签</i> & 符号');
    expect(one['content:encoded']).toBe('<p>第1条：全县春耕备耕有序推进。</p>');
  });

  it('Atom: RFC 3339 dates, ids = permalinks, titles as escaped HTML', async () => {
    const res = await get(`/feeds/${BODY}/atom.xml`);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parser.parse(res.text).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author.name).toBe('平武县人民政府办公室');
    const entries = asArray<Record<string, any>>(feed.entry);
    expect(entries.map((e) => decodeHtml(e.title['#text']))).toEqual([TITLE(2), TITLE(1)]);
    for (const e of entries) {
      expect(e.updated).toMatch(RFC3339);
      expect(e.published).toMatch(RFC3339);
      expect(e.id).toBe(e.link['@href']);
    }
  });

  it('JSON Feed 1.1 validates: version, unique string ids, RFC 3339 dates, plain-text titles', async () => {
    const res = await get(`/feeds/${BODY}/feed.json`);
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(`${t.config.publicBaseUrl}/feeds/${BODY}/feed.json`);
    expect(feed.language).toBe('zh-CN');
    expect(new Set(feed.items.map((i: { id: string }) => i.id)).size).toBe(feed.items.length);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toBe(item.id);
      expect(item.date_published).toMatch(RFC3339);
      expect(typeof item.content_html).toBe('string');
    }
    expect(feed.items[1].title).toBe(TITLE(1));
    expect(feed.items[1].summary).toBe('摘要 <i>不是标签</i> & 符号');
    expect(feed.items[1].content_html).not.toContain('<script');
  });

  it('category filter, unknown category 400, unknown body 404', async () => {
    const feed = JSON.parse((await get(`/feeds/${BODY}/feed.json?category=policy_document`)).text);
    expect(feed.title).toBe('平武县人民政府办公室 · 政策文件');
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual([`${SITE}/public/items/${first._id}`]);
    expect((await get(`/feeds/${BODY}/feed.json?category=nonsense`)).status).toBe(400);
    expect((await get('/feeds/no-such-body/rss.xml')).status).toBe(404);
  });

  it('ETag and Last-Modified: 304 until something is published, stable GUIDs across rebuilds', async () => {
    const a = await get(`/feeds/${BODY}/rss.xml`);
    const etag = a.headers.get('etag')!;
    const lastModified = a.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(lastModified).toMatch(RFC822);
    expect((await get(`/feeds/${BODY}/rss.xml`, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(`/feeds/${BODY}/rss.xml`, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get(`/feeds/${BODY}/rss.xml`, { 'if-none-match': '"other"' })).status).toBe(200);

    await publishNow(await approvedItem(3));
    const b = await get(`/feeds/${BODY}/rss.xml`, { 'if-none-match': etag });
    expect(b.status).toBe(200);
    expect(b.headers.get('etag')).not.toBe(etag);
    const guids = (text: string) => asArray<Record<string, string>>(parser.parse(text).rss.channel.item).map((i) => i.guid);
    expect(guids(b.text).slice(1)).toEqual(guids(a.text));
  });

  it('a scheduled item stays out of the feed and off the public site until its time', async () => {
    const at = new Date(Date.now() + 1500);
    const scheduled = await publishNow(await approvedItem(4), at);
    const ids = async () => JSON.parse((await get(`/feeds/${BODY}/feed.json`)).text).items.map((i: { id: string }) => i.id);
    expect(await ids()).not.toContain(`${SITE}/public/items/${scheduled._id}`);
    expect((await get(`/public/items/${scheduled._id}`)).status).toBe(404);
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 50));
    expect((await ids())[0]).toBe(`${SITE}/public/items/${scheduled._id}`);
    const page = await get(`/public/items/${scheduled._id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>平武县第4条政务动态：“春耕”进行时 &amp; &lt;重点&gt;</h1>');
    expect(page.text).not.toContain('<script');
  });

  it('the public page shows 文号 and hides drafts', async () => {
    const page = await get(`/public/items/${first._id}`);
    expect(page.text).toContain('<dt>文号</dt><dd>平府办发〔2023〕1号</dd>');
    const draft = await approvedItem(5);
    expect((await get(`/public/items/${draft._id}`)).status).toBe(404);
    void second;
  });
});
