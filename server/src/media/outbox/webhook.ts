// A signed webhook (HMAC-SHA256, platforms/webhook) for any other system: the county's
// website CMS, a Douyin/Toutiao publishing tool… The delivery id is the outbox delivery's id,
// the same on every retry, so the receiver drops repeats: retrying is always safe here, and
// no "attempt started" record is needed (the idempotency key is on the receiver's side).
import { PlatformError, sendWebhook } from '../../platforms';
import { checkSignal, failedFrom, type Adapter } from './adapter';

export const WEBHOOK_EVENT = 'media.item.published';

export const deliverWebhook: Adapter = async (ctx) => {
  const url = ctx.credentials.webhookUrl ?? ctx.settings.webhookUrl;
  const secret = ctx.credentials.webhookUrl ? ctx.credentials.webhookSecret : ctx.settings.webhookSecret;
  if (!url || !secret) return { kind: 'failed', code: 'NO_WEBHOOK', reason: '账号未配置推送接口地址和签名密钥' };
  const { item, account } = ctx;
  checkSignal(ctx.signal);
  try {
    const result = await sendWebhook({
      url,
      secret,
      event: WEBHOOK_EVENT,
      deliveryId: ctx.delivery._id,
      timeoutMs: ctx.settings.platformTimeoutMs,
      payload: {
        item: {
          id: item._id,
          bodyId: item.bodyId,
          category: item.category,
          title: item.title,
          summary: item.summary ?? null,
          html: item.bodyHtml,
          origin: item.origin,
          source: item.source ?? null,
          document: item.document ?? null,
          attachments: item.attachments,
          publishedAt: item.publishedAt?.toISOString() ?? null,
          link: ctx.link,
        },
        account: { id: account._id, name: account.name, platform: account.platform },
      },
    });
    const duplicate = (result.body as { duplicate?: boolean } | undefined)?.duplicate === true;
    return { kind: 'done', platformId: ctx.delivery._id, event: '推送接口已确认接收', ...(duplicate ? { note: '接收方此前已收到（重复推送被对方去重）' } : {}) };
  } catch (err) {
    if (err instanceof PlatformError && !err.transient) return failedFrom(err);
    throw err;
  }
};
