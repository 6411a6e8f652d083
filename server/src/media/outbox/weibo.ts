// Weibo statuses/share: the title (and summary) fitted into 140 字 with the link to the item
// on the body's own site (share requires a link of the app's safe domain).
//
// Exactly once: the text is fixed once and saved with the "attempt started" record before
// the call. If a worker finds that attempt open (no answer came), it sends the SAME text
// again: Weibo refuses a repeated text from the same account with 20019, which then means
// the first post did go out; a normal answer means it had not.
import { PlatformError } from '../../platforms';
import { fitWeiboStatus } from '../../platforms/weibo';
import { plainText } from '../sanitize';
import { checkSignal, failedFrom, outcomeUnknown, type Adapter } from './adapter';
import { weiboClientFor } from './clients';
import { loadImage } from './images';

const DUPLICATE = new Set([20017, 20019, 20111]);

export const deliverWeibo: Adapter = async (ctx) => {
  const client = weiboClientFor(ctx.account._id, ctx.credentials, ctx.settings);
  const resuming = ctx.delivery.attempt?.step === 'weibo_share';
  const text = ctx.delivery.steps.weiboText ?? weiboText(ctx.item.title, ctx.item.summary ?? plainText(ctx.item.bodyHtml), ctx.link);
  const pic = ctx.item.coverImageUrl ? await loadImage(ctx.item.coverImageUrl, ctx.settings.platformTimeoutMs) : undefined;
  checkSignal(ctx.signal);
  if (!resuming) await ctx.save({ steps: { weiboText: text }, attempt: { step: 'weibo_share', startedAt: new Date(), jobAttempt: ctx.jobAttempt } });
  try {
    const status = await client.share({ status: text, ...(pic ? { pic } : {}) });
    return { kind: 'done', platformId: status.id, url: `https://m.weibo.cn/status/${status.id}`, event: resuming ? '上次发布未到达微博，已重新发布' : '已发布到微博' };
  } catch (err) {
    if (err instanceof PlatformError && DUPLICATE.has(Number(err.code))) {
      // The same text is already on the account: the earlier post went out (its answer was lost).
      return { kind: 'done', note: resuming ? '发布应答丢失，微博提示重复内容，确认已发布' : '微博上已有相同内容' };
    }
    // A refusal of this call closes this call's attempt — but not an earlier one whose outcome is still unknown.
    if (err instanceof PlatformError && !err.transient) return { ...failedFrom(err), keepAttempt: resuming || outcomeUnknown(err) };
    if (!outcomeUnknown(err) && !resuming) await ctx.save({ attempt: null });
    throw err;
  }
};

/** 【title】summary… link — one fixed text per item. */
export function weiboText(title: string, summary: string, link: string): string {
  const lead = summary && summary !== title ? `【${title}】${summary}` : `【${title}】`;
  return fitWeiboStatus(lead, link);
}
