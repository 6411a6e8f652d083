// WeChat official account: thumb (material/add_material) → in-body images (media/uploadimg)
// → draft/add → freepublish/submit → freepublish/get until publish_status leaves 1.
//
// Exactly once: everything before the submit may be repeated harmlessly (a repeated upload
// or draft only leaves an unused material or draft). The submit is the publishing call:
// `attempt` is saved before it and cleared after it. A worker that finds the attempt open
// does not make a new draft; it submits the SAME draft again — WeChat moves a submitted
// draft out of the draft box, so if the first submit went through, the second fails with
// 40007 and the worker looks the article up with freepublish/batchget instead (matching the
// item's link, 阅读原文); if the first submit never arrived, the second simply works.
import { PlatformError, type WechatClient } from '../../platforms';
import { PUBLISH_STATUS_LABEL } from '../../platforms/wechat';
import { imageSources, plainText, replaceImageSources } from '../sanitize';
import { checkSignal, failedFrom, outcomeUnknown, type Adapter, type AdapterContext, type DeliveryOutcome } from './adapter';
import { wechatClientFor } from './clients';
import { defaultCover, loadImage } from './images';

/** Reconciling a lost submit answer: how many looks at batchget before asking a person. */
const RECONCILE_LOOKS = 3;

export const deliverWechat: Adapter = async (ctx) => {
  const client = wechatClientFor(ctx.account._id, ctx.credentials, ctx.settings);
  let publishId = ctx.delivery.steps.publishId;
  if (!publishId) {
    const draftMediaId = ctx.delivery.steps.draftMediaId;
    if (ctx.delivery.attempt?.step === 'wechat_submit' && draftMediaId) {
      const reconciled = await reconcileSubmit(ctx, client, draftMediaId);
      if (typeof reconciled !== 'string') return reconciled;
      publishId = reconciled;
    } else {
      const fresh = !draftMediaId;
      const draft = draftMediaId ?? (await makeDraft(ctx, client));
      const submitted = await submit(ctx, client, draft, fresh);
      if (typeof submitted !== 'string') return submitted;
      publishId = submitted;
    }
  }
  return poll(ctx, client, publishId);
};

/** The default cover's material id per account (one upload per account and process, not per article). */
const defaultThumbs = new Map<string, string>();

/** Uploads what the draft needs and creates it; returns its media_id, saved together with the opened submit attempt. */
async function makeDraft(ctx: AdapterContext, client: WechatClient): Promise<string> {
  const { item, delivery } = ctx;
  let thumb = delivery.steps.thumbMediaId;
  const thumbKey = `${ctx.account._id}:${ctx.credentials.appId ?? ''}`;
  if (!thumb && !item.coverImageUrl) thumb = defaultThumbs.get(thumbKey);
  if (!thumb) {
    const cover = item.coverImageUrl ? await loadImage(item.coverImageUrl, ctx.settings.platformTimeoutMs) : defaultCover();
    checkSignal(ctx.signal);
    thumb = (await client.uploadThumb(cover)).mediaId;
    if (!item.coverImageUrl) defaultThumbs.set(thumbKey, thumb);
  }
  const images = { ...(delivery.steps.images ?? {}) };
  const missing = imageSources(item.bodyHtml).filter((src) => !images[src]);
  for (const src of missing) {
    checkSignal(ctx.signal);
    images[src] = (await client.uploadImage(await loadImage(src, ctx.settings.platformTimeoutMs))).url;
  }
  if (missing.length) await ctx.save({ steps: { images, thumbMediaId: thumb } });
  checkSignal(ctx.signal);
  let mediaId: string;
  try {
    ({ mediaId } = await client.addDraft([
      {
        title: fitTitle(item.title),
        content: replaceImageSources(item.bodyHtml, images) || `<p>${escapeHtml(item.title)}</p>`,
        thumbMediaId: thumb,
        digest: Array.from(item.summary ?? plainText(item.bodyHtml)).slice(0, 120).join(''),
        contentSourceUrl: ctx.link,
      },
    ]));
  } catch (err) {
    // The remembered cover material is gone (deleted in the WeChat console): upload it again next time.
    if (err instanceof PlatformError && err.code === 40007 && defaultThumbs.get(thumbKey) === thumb) {
      defaultThumbs.delete(thumbKey);
      throw err.withTransient(true, '封面素材已失效，将重新上传');
    }
    throw err;
  }
  // One write: the draft, and the submit attempt about to start (a crash before the submit
  // call only means the reconciliation finds the draft still unsubmitted and submits it).
  checkSignal(ctx.signal);
  await ctx.save({ steps: { draftMediaId: mediaId, thumbMediaId: thumb }, attempt: { step: 'wechat_submit', startedAt: new Date(), jobAttempt: ctx.jobAttempt }, event: '已创建微信草稿，提交发布' });
  return mediaId;
}

async function submit(ctx: AdapterContext, client: WechatClient, draftMediaId: string, attemptSaved: boolean): Promise<string | DeliveryOutcome> {
  checkSignal(ctx.signal);
  if (!attemptSaved) await ctx.save({ attempt: { step: 'wechat_submit', startedAt: new Date(), jobAttempt: ctx.jobAttempt } });
  try {
    const { publishId } = await client.submitPublish(draftMediaId);
    await ctx.save({ steps: { publishId }, attempt: null, event: `已提交微信发布（publish_id ${publishId}）` });
    return publishId;
  } catch (err) {
    // An answer from WeChat means it did not take the draft: the attempt is closed. Without an answer it stays open.
    if (err instanceof PlatformError && !err.transient) return { ...failedFrom(err), keepAttempt: outcomeUnknown(err) };
    if (!outcomeUnknown(err)) await ctx.save({ attempt: null });
    throw err;
  }
}

/** The previous submit's answer never came: find out what happened without publishing twice. */
async function reconcileSubmit(ctx: AdapterContext, client: WechatClient, draftMediaId: string): Promise<string | DeliveryOutcome> {
  checkSignal(ctx.signal);
  try {
    const { publishId } = await client.submitPublish(draftMediaId);
    await ctx.save({ steps: { publishId }, attempt: null, event: `上次提交未到达微信，已重新提交（publish_id ${publishId}）` });
    return publishId;
  } catch (err) {
    if (!(err instanceof PlatformError) || err.code !== 40007) {
      if (err instanceof PlatformError && !err.transient && !outcomeUnknown(err)) return failedFrom(err);
      throw err;
    }
  }
  // 40007: the draft was consumed — the earlier submit did arrive. Look for the article.
  const found = await findPublished(client, ctx.link, ctx.delivery.attempt!.startedAt);
  if (found) return { kind: 'done', platformId: found.articleId, url: found.url, note: '提交应答丢失，已通过已发布列表核对' };
  const looks = (ctx.delivery.steps.reconcileLooks ?? 0) + 1;
  if (looks >= RECONCILE_LOOKS) {
    // The attempt stays open: a staff retry reconciles again instead of submitting.
    await ctx.save({ steps: { reconcileLooks: looks } });
    return {
      kind: 'failed',
      keepAttempt: true,
      code: 'SUBMIT_UNCONFIRMED',
      reason: '微信已收到发布提交（草稿已被使用），但已发布列表中没有找到这篇文章：可能发布失败或仍在审核。为避免重复发布，系统不再自动重试，请在公众号后台“发表记录”中核对。',
    };
  }
  await ctx.save({ steps: { reconcileLooks: looks }, event: `上次提交的结果未知，第${looks}次核对未找到，稍后再查` });
  throw new PlatformError({ platform: 'wechat', code: 'SUBMIT_PENDING', kind: 'timeout', transient: true, endpoint: '/cgi-bin/freepublish/batchget', message: '微信发布提交结果未知，等待核对' });
}

/** Newest first; stops at articles older than the attempt (they cannot be ours). */
async function findPublished(client: WechatClient, link: string, since: Date): Promise<{ articleId: string; url: string } | undefined> {
  const oldest = Math.floor(since.getTime() / 1000) - 600;
  for (let offset = 0; offset < 2000; offset += 20) {
    const page = await client.listPublished({ offset, count: 20, noContent: true });
    for (const article of page.articles) {
      const match = article.items.find((i) => i.contentSourceUrl === link);
      if (match) return { articleId: article.articleId, url: match.url };
    }
    const last = page.articles[page.articles.length - 1];
    if (!last || page.articles.length < 20 || last.updateTime < oldest) return undefined;
  }
  return undefined;
}

async function poll(ctx: AdapterContext, client: WechatClient, publishId: string): Promise<DeliveryOutcome> {
  const status = await client.pollPublishStatus(publishId, { intervalMs: ctx.settings.wechatPollMs, timeoutMs: Math.max(ctx.settings.wechatPollMs * 20, 10_000), signal: ctx.signal });
  if (status.state === 'published') return { kind: 'done', event: '微信发布成功', ...(status.articleId ? { platformId: status.articleId } : {}), ...(status.articleUrls[0] ? { url: status.articleUrls[0] } : {}) };
  // 2–6: shown to staff; 5/6 went out and were removed — never republished automatically.
  return { kind: 'failed', code: `PUBLISH_STATUS_${status.publishStatus}`, reason: `微信发布结果：${PUBLISH_STATUS_LABEL[status.publishStatus] ?? status.label}（publish_status ${status.publishStatus}）` };
}

/** WeChat titles hold at most 32 characters. */
export function fitTitle(title: string): string {
  const chars = Array.from(title);
  return chars.length <= 32 ? title : `${chars.slice(0, 31).join('')}…`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
