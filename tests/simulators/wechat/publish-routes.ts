// Official-account publishing: permanent material, in-body images, drafts and
// free publishing (freepublish/submit → poll freepublish/get).
import type { Handler, SimRequest, SimResponse } from '../core/server';
import { checkAccessToken, isError, nowIso, randomId, sha256, wechatError, type WechatSimContext } from './context';
import type { DraftArticle, PublishTask } from './state';

const MATERIAL_TYPES = ['image', 'voice', 'video', 'thumb'];
const IMAGE_LIMIT = 10 * 1024 * 1024; // permanent image material
const THUMB_LIMIT = 64 * 1024; // thumb material
const UPLOADIMG_LIMIT = 1024 * 1024; // media/uploadimg: jpg/png below 1MB

export function publishRoutes(ctx: WechatSimContext): Record<string, Handler> {
  const authed =
    (handler: (req: SimRequest) => SimResponse | Promise<SimResponse>): Handler =>
    (req) => {
      const token = checkAccessToken(ctx, req);
      return isError(token) ? token : handler(req);
    };

  return {
    'POST /cgi-bin/material/add_material': authed(async (req) => {
      const type = req.query.get('type') ?? '';
      if (!MATERIAL_TYPES.includes(type)) return wechatError(40004, 'invalid media type');
      const file = await mediaFile(req);
      if (!file) return wechatError(41005, 'media data missing');
      const kind = imageKind(file.bytes);
      if ((type === 'image' || type === 'thumb') && !kind) return wechatError(40005, 'invalid file type');
      if (type === 'thumb' && kind !== 'jpeg') return wechatError(40005, 'invalid file type');
      if (file.bytes.length > (type === 'thumb' ? THUMB_LIMIT : IMAGE_LIMIT)) return wechatError(40006, 'invalid media size');
      const mediaId = randomId(32);
      const url = type === 'image' ? `http://mmbiz.qpic.cn/sim_mmbiz_${kind}/${mediaId}/0?wx_fmt=${kind}` : undefined;
      ctx.state.materials.push({ mediaId, type, filename: file.name, contentType: file.type, size: file.bytes.length, sha256: sha256(file.bytes), ...(url ? { url } : {}), at: nowIso() });
      return { body: url ? { media_id: mediaId, url } : { media_id: mediaId } };
    }),

    'POST /cgi-bin/media/uploadimg': authed(async (req) => {
      const file = await mediaFile(req);
      if (!file) return wechatError(41005, 'media data missing');
      const kind = imageKind(file.bytes);
      if (kind !== 'jpeg' && kind !== 'png') return wechatError(40005, 'invalid file type');
      if (file.bytes.length >= UPLOADIMG_LIMIT) return wechatError(40006, 'invalid media size');
      const url = `http://mmbiz.qpic.cn/sim_mmbiz_${kind}/img${ctx.seq.image++}_${randomId(8)}/0`;
      ctx.state.images.push({ url, filename: file.name, size: file.bytes.length, sha256: sha256(file.bytes), at: nowIso() });
      return { body: { url } };
    }),

    'POST /cgi-bin/draft/add': authed((req) => {
      const body = req.json<{ articles?: unknown }>();
      if (!body || typeof body !== 'object') return wechatError(47001, 'data format error');
      if (!Array.isArray(body.articles) || body.articles.length === 0) return wechatError(44003, 'empty news data');
      const articles: DraftArticle[] = [];
      const filtered: string[] = [];
      for (const raw of body.articles as unknown[]) {
        const a = (raw ?? {}) as Partial<DraftArticle>;
        const problem = checkArticle(ctx, a);
        if (problem) return problem;
        filtered.push(...externalImages(ctx, a.content!));
        articles.push(a as DraftArticle);
      }
      const mediaId = randomId(32);
      ctx.state.drafts.push({ mediaId, articles, filteredImages: filtered, consumed: false, at: nowIso() });
      return { body: { media_id: mediaId } };
    }),

    'POST /cgi-bin/freepublish/submit': authed((req) => {
      const body = req.json<{ media_id?: unknown }>();
      if (!body) return wechatError(47001, 'data format error');
      // A draft leaves the draft box once published: a second submit finds nothing.
      const draft = ctx.state.drafts.find((d) => d.mediaId === body.media_id && !d.consumed);
      if (!draft) return wechatError(40007, 'invalid media_id');
      draft.consumed = true;
      const outcome = ctx.nextPublishOutcomes.shift() ?? ctx.publishDefault;
      const task: PublishTask = {
        publishId: String(ctx.seq.publish++),
        msgDataId: String(ctx.seq.publish + 100_000_000),
        mediaId: draft.mediaId,
        articles: draft.articles,
        polls: 0,
        pollsUntilDone: outcome.polls ?? ctx.publishDefault.polls,
        finalStatus: outcome.status,
        at: nowIso(),
      };
      ctx.state.publishes.push(task);
      return { body: { errcode: 0, errmsg: 'ok', publish_id: task.publishId, msg_data_id: task.msgDataId } };
    }),

    'POST /cgi-bin/freepublish/get': authed((req) => {
      const body = req.json<{ publish_id?: unknown }>();
      if (!body) return wechatError(47001, 'data format error');
      const task = ctx.state.publishes.find((p) => p.publishId === String(body.publish_id));
      if (!task) return wechatError(40007, 'invalid publish_id');
      task.polls += 1;
      if (task.polls <= task.pollsUntilDone) return { body: { publish_id: task.publishId, publish_status: 1 } };
      return { body: finalAnswer(ctx, task) };
    }),

    'POST /cgi-bin/freepublish/batchget': authed((req) => {
      const body = req.json<{ offset?: number; count?: number; no_content?: number }>() ?? {};
      // Real publishing finishes whether or not anyone polls; a listing is
      // "later", so every submitted task that will succeed shows up here.
      for (const task of ctx.state.publishes) {
        if (!task.articleId && [0, 5, 6].includes(task.finalStatus)) finalAnswer(ctx, task);
      }
      const offset = Math.max(0, Number(body.offset ?? 0));
      const count = Math.min(20, Math.max(1, Number(body.count ?? 20)));
      const newestFirst = [...ctx.state.published].reverse();
      const page = newestFirst.slice(offset, offset + count);
      return {
        body: {
          total_count: newestFirst.length,
          item_count: page.length,
          item: page.map((p) => {
            const task = ctx.state.publishes.find((t) => t.publishId === p.publishId)!;
            return {
              article_id: p.articleId,
              content: {
                news_item: task.articles.map((a, i) => ({
                  title: a.title,
                  author: a.author ?? '',
                  digest: a.digest ?? '',
                  ...(body.no_content ? {} : { content: a.content }),
                  content_source_url: a.content_source_url ?? '',
                  thumb_media_id: a.thumb_media_id ?? '',
                  url: `${p.url}&idx=${i + 1}`,
                  is_deleted: p.publishStatus !== 0,
                })),
              },
              update_time: Math.floor(Date.parse(p.at) / 1000),
            };
          }),
        },
      };
    }),
  };
}

function finalAnswer(ctx: WechatSimContext, task: PublishTask) {
  const status = task.finalStatus;
  if (status === 0 || status === 5 || status === 6) {
    if (!task.articleId) {
      task.articleId = `sim_article_${ctx.seq.article++}_${randomId(6)}`;
      const url = `http://mp.weixin.qq.com/s?__biz=SIM&mid=${task.publishId}`;
      // Recorded once, on the first poll that sees the task finished.
      task.articles.forEach((a) =>
        ctx.state.published.push({ articleId: task.articleId!, publishId: task.publishId, mediaId: task.mediaId, title: a.title, ...(a.content_source_url ? { contentSourceUrl: a.content_source_url } : {}), url, publishStatus: status, at: nowIso() }),
      );
    }
    const url = `http://mp.weixin.qq.com/s?__biz=SIM&mid=${task.publishId}`;
    return {
      publish_id: task.publishId,
      publish_status: status,
      article_id: task.articleId,
      article_detail: { count: task.articles.length, item: task.articles.map((_, i) => ({ idx: i + 1, article_url: `${url}&idx=${i + 1}` })) },
      fail_idx: [],
    };
  }
  return { publish_id: task.publishId, publish_status: status, fail_idx: task.articles.map((_, i) => i + 1) };
}

function checkArticle(ctx: WechatSimContext, a: Partial<DraftArticle>): SimResponse | undefined {
  if (typeof a.title !== 'string' || a.title.length === 0) return wechatError(44003, 'empty news data: title');
  if (Array.from(a.title).length > 32) return wechatError(45003, 'title size out of limit');
  if (typeof a.content !== 'string' || a.content.length === 0) return wechatError(44004, 'empty content');
  if (a.content.length >= 20_000) return wechatError(45002, 'content size out of limit');
  if (a.digest !== undefined && Array.from(a.digest).length > 128) return wechatError(45004, 'description size out of limit');
  if (a.author !== undefined && Array.from(a.author).length > 16) return wechatError(45110, 'author size out of limit');
  const thumb = ctx.state.materials.find((m) => m.mediaId === a.thumb_media_id && (m.type === 'image' || m.type === 'thumb'));
  if (!thumb) return wechatError(40007, 'invalid media_id');
  return undefined;
}

/** <img src> URLs that did not come from media/uploadimg or material (WeChat filters them out). */
function externalImages(ctx: WechatSimContext, content: string): string[] {
  const known = new Set([...ctx.state.images.map((i) => i.url), ...ctx.state.materials.flatMap((m) => (m.url ? [m.url] : []))]);
  const out: string[] = [];
  for (const m of content.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)) {
    if (!known.has(m[1]!)) out.push(m[1]!);
  }
  return out;
}

async function mediaFile(req: SimRequest): Promise<{ name: string; type: string; bytes: Buffer } | undefined> {
  if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return undefined;
  const form = await req.formData().catch(() => undefined);
  const media = form?.get('media');
  if (!media || typeof media === 'string') return undefined;
  return { name: (media as File).name ?? 'media', type: media.type, bytes: Buffer.from(await media.arrayBuffer()) };
}

function imageKind(b: Buffer): 'jpeg' | 'png' | 'gif' | 'bmp' | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 6 && (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a')) return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  return undefined;
}
