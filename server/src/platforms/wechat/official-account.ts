// Publishing an article on an official account, one step per function so the
// outbox can record each step's result and resume after a crash:
//   uploadThumb (material/add_material) → uploadImage for in-body pictures
//   (media/uploadimg) → addDraft (draft/add) → submitPublish
//   (freepublish/submit) → getPublishStatus / pollPublishStatus
//   (freepublish/get) until publish_status leaves 1.
// A submitted draft leaves the draft box, so submitting the same media_id
// again fails with 40007 — if a submit's answer was lost, look for the article
// with listPublished before creating a new draft.
import { PlatformError } from '../errors';
import type { AccessTokenProvider } from './access-token';
import { PUBLISH_STATUS_LABEL } from './errcodes';
import type { ResolvedWechatOptions } from './options';
import { callWechat } from './request';

export interface ImageFile {
  data: Uint8Array;
  filename: string;
  /** default: guessed from the file's first bytes */
  contentType?: string;
}

export interface DraftArticle {
  /** at most 32 characters */
  title: string;
  /** HTML; images must come from uploadImage (others are filtered out by WeChat) */
  content: string;
  /** permanent material id from uploadThumb */
  thumbMediaId: string;
  author?: string;
  digest?: string;
  /** "阅读原文": the item on the body's own site */
  contentSourceUrl?: string;
  needOpenComment?: boolean;
  onlyFansCanComment?: boolean;
}

export type PublishState = 'publishing' | 'published' | 'failed';

export interface PublishStatus {
  publishId: string;
  /** 0 success, 1 publishing, 2 原创声明失败, 3 常规失败, 4 审核不通过, 5 用户删除, 6 系统封禁 */
  publishStatus: number;
  state: PublishState;
  /** staff-readable status */
  label: string;
  articleId?: string;
  articleUrls: string[];
  failIdx: number[];
  /** 5 and 6: the article did go out and was removed afterwards — never publish it again automatically */
  publishedThenRemoved: boolean;
}

export interface PublishedArticle {
  articleId: string;
  updateTime: number;
  items: Array<{ title: string; contentSourceUrl: string; url: string; isDeleted: boolean }>;
}

type Ctx = { opts: ResolvedWechatOptions; tokens: AccessTokenProvider };

const authed = <T extends object>(ctx: Ctx, path: string, init: { json?: unknown; form?: () => FormData; query?: Record<string, string> }) =>
  ctx.tokens.withToken((token) =>
    callWechat<T>(ctx.opts, {
      method: 'POST',
      path,
      query: { ...(init.query ?? {}), access_token: token },
      ...(init.json !== undefined ? { json: init.json } : {}),
      ...(init.form ? { form: init.form() } : {}),
    }),
  );

/** Cover image as permanent image material (add_material type=image); its media_id is the draft's thumb_media_id. */
export async function uploadThumb(ctx: Ctx, file: ImageFile): Promise<{ mediaId: string; url?: string }> {
  const body = await authed<{ media_id?: string; url?: string }>(ctx, '/cgi-bin/material/add_material', { query: { type: 'image' }, form: () => mediaForm(file) });
  if (!body.media_id) throw badResponse('/cgi-bin/material/add_material', 'media_id');
  return { mediaId: body.media_id, ...(body.url ? { url: body.url } : {}) };
}

/** An image for the article body (jpg/png below 1 MB); returns the URL to put in <img src>. */
export async function uploadImage(ctx: Ctx, file: ImageFile): Promise<{ url: string }> {
  const body = await authed<{ url?: string }>(ctx, '/cgi-bin/media/uploadimg', { form: () => mediaForm(file) });
  if (!body.url) throw badResponse('/cgi-bin/media/uploadimg', 'url');
  return { url: body.url };
}

export async function addDraft(ctx: Ctx, articles: DraftArticle[]): Promise<{ mediaId: string }> {
  const body = await authed<{ media_id?: string }>(ctx, '/cgi-bin/draft/add', {
    json: {
      articles: articles.map((a) => ({
        article_type: 'news',
        title: a.title,
        content: a.content,
        thumb_media_id: a.thumbMediaId,
        ...(a.author !== undefined ? { author: a.author } : {}),
        ...(a.digest !== undefined ? { digest: a.digest } : {}),
        ...(a.contentSourceUrl !== undefined ? { content_source_url: a.contentSourceUrl } : {}),
        need_open_comment: a.needOpenComment ? 1 : 0,
        only_fans_can_comment: a.onlyFansCanComment ? 1 : 0,
      })),
    },
  });
  if (!body.media_id) throw badResponse('/cgi-bin/draft/add', 'media_id');
  return { mediaId: body.media_id };
}

/** Submits a draft. Success only means the task was accepted: poll its status. */
export async function submitPublish(ctx: Ctx, mediaId: string): Promise<{ publishId: string; msgDataId?: string }> {
  const body = await authed<{ publish_id?: string | number; msg_data_id?: string | number }>(ctx, '/cgi-bin/freepublish/submit', { json: { media_id: mediaId } });
  if (body.publish_id === undefined || body.publish_id === '') throw badResponse('/cgi-bin/freepublish/submit', 'publish_id');
  return { publishId: String(body.publish_id), ...(body.msg_data_id !== undefined ? { msgDataId: String(body.msg_data_id) } : {}) };
}

export async function getPublishStatus(ctx: Ctx, publishId: string): Promise<PublishStatus> {
  const body = await authed<{
    publish_id?: string | number;
    publish_status?: number;
    article_id?: string;
    article_detail?: { item?: Array<{ idx?: number; article_url?: string }> };
    fail_idx?: number[];
  }>(ctx, '/cgi-bin/freepublish/get', { json: { publish_id: publishId } });
  const status = body.publish_status;
  if (typeof status !== 'number') throw badResponse('/cgi-bin/freepublish/get', 'publish_status');
  return {
    publishId: String(body.publish_id ?? publishId),
    publishStatus: status,
    state: status === 0 ? 'published' : status === 1 ? 'publishing' : 'failed',
    label: PUBLISH_STATUS_LABEL[status] ?? `未知发布状态 ${status}`,
    ...(body.article_id ? { articleId: body.article_id } : {}),
    articleUrls: (body.article_detail?.item ?? []).flatMap((i) => (i.article_url ? [i.article_url] : [])),
    failIdx: body.fail_idx ?? [],
    publishedThenRemoved: status === 5 || status === 6,
  };
}

export interface PollOptions {
  /** between polls; default 3 s */
  intervalMs?: number;
  /** give up (transient error) when still publishing after this long; default 2 min */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Polls until publish_status leaves 1. Returns the final status, failures
 * included (state 'failed' with the reason in `label`); only "still
 * publishing when time ran out" and transport errors are thrown.
 */
export async function pollPublishStatus(ctx: Ctx, publishId: string, o: PollOptions = {}): Promise<PublishStatus> {
  const interval = o.intervalMs ?? 3000;
  const deadline = ctx.opts.now() + (o.timeoutMs ?? 120_000);
  for (;;) {
    const status = await getPublishStatus(ctx, publishId);
    if (status.state !== 'publishing') return status;
    if (ctx.opts.now() + interval > deadline) {
      throw new PlatformError({ platform: 'wechat', code: 'PUBLISH_PENDING', kind: 'timeout', transient: true, endpoint: '/cgi-bin/freepublish/get', message: `微信发布任务 ${publishId} 仍在发布中，稍后再查询` });
    }
    await sleep(interval, o.signal);
  }
}

/** freepublish/batchget: published articles, newest first (for reconciling after a lost answer). */
export async function listPublished(ctx: Ctx, o: { offset?: number; count?: number; noContent?: boolean } = {}): Promise<{ totalCount: number; articles: PublishedArticle[] }> {
  const body = await authed<{
    total_count?: number;
    item?: Array<{ article_id?: string; update_time?: number; content?: { news_item?: Array<{ title?: string; content_source_url?: string; url?: string; is_deleted?: boolean }> } }>;
  }>(ctx, '/cgi-bin/freepublish/batchget', { json: { offset: o.offset ?? 0, count: o.count ?? 20, no_content: o.noContent === false ? 0 : 1 } });
  return {
    totalCount: body.total_count ?? 0,
    articles: (body.item ?? []).map((i) => ({
      articleId: i.article_id ?? '',
      updateTime: i.update_time ?? 0,
      items: (i.content?.news_item ?? []).map((n) => ({ title: n.title ?? '', contentSourceUrl: n.content_source_url ?? '', url: n.url ?? '', isDeleted: Boolean(n.is_deleted) })),
    })),
  };
}

function mediaForm(file: ImageFile): FormData {
  const form = new FormData();
  const type = file.contentType ?? sniffImageType(file.data) ?? 'application/octet-stream';
  form.append('media', new Blob([new Uint8Array(file.data)], { type }), file.filename);
  return form;
}

function sniffImageType(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  return undefined;
}

function badResponse(endpoint: string, field: string): PlatformError {
  return new PlatformError({ platform: 'wechat', code: 'BAD_RESPONSE', kind: 'server_error', transient: true, endpoint, message: `微信接口 ${endpoint} 的返回缺少 ${field}` });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
