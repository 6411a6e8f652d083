// The publish decision: refused (with the Chinese reason) until 初审, 复审, 终审 and 保密审查
// of the current revision are all signed; then one write records the decision on the item
// and the outbox takes over (outbox/schedule.ts explains why a crash between the decision
// and the delivery jobs loses and doubles nothing). `publishAt` in the future schedules it.
// Publishing an already published item to more accounts adds deliveries for those only.
import { canPostTo, platformLabels, publishRefusal, reviewProgress } from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import type { JobStore } from '../../jobs';
import { openCredentials } from '../credentials';
import { refused } from '../errors';
import { touchFeeds } from '../feeds/stamp';
import { MediaAccount, type MediaAccountDoc } from '../models/account';
import { ContentItem, type ContentItemDoc } from '../models/content-item';
import type { MediaSettings } from '../settings';
import { dropIntent, recordIntent, scheduleDeliveries } from '../outbox/schedule';
import { loadItem } from './items';
import { updateAtVersion, withDocument } from './write';

export interface PublishDeps {
  jobs: JobStore;
  settings: Pick<MediaSettings, 'webhookUrl' | 'webhookSecret'>;
  /** Tells a worker in this process to look for work now (optional). */
  wake?: () => void;
}

export interface PublishInput {
  version: number;
  accountIds: string[];
  /** ISO instant; absent or past = now */
  publishAt?: string;
}

/** Why this account cannot receive the item (Chinese), or null. */
export function accountRefusal(account: MediaAccountDoc, settings: PublishDeps['settings']): string | null {
  const label = `${platformLabels[account.platform]}“${account.name}”`;
  if (!canPostTo(account.status)) return `${label}不在运营中，不能推送`;
  let creds: Record<string, string> | undefined;
  try {
    creds = openCredentials(account.credentials);
  } catch {
    return `${label}的接口凭证无法解密，请重新填写`;
  }
  if (account.platform === 'wechat_oa' && !(creds?.appId && creds.appSecret)) return `${label}未配置 AppID 和 AppSecret`;
  if (account.platform === 'weibo' && !creds?.accessToken) return `${label}未授权（缺少 access_token）`;
  if (account.platform !== 'wechat_oa' && account.platform !== 'weibo' && !(creds?.webhookUrl || (settings.webhookUrl && settings.webhookSecret))) return `${label}未配置推送接口地址`;
  return null;
}

export async function publishItem(deps: PublishDeps, actor: StaffActor, id: string, input: PublishInput): Promise<ContentItemDoc> {
  const item = await withDocument('contentitems', id, async () => {
    const doc = await loadItem(actor, id);
    const refusal = publishRefusal(doc.reviews, doc.revision);
    if (refusal) throw refused(refusal, 'reviews_incomplete', { missing: reviewProgress(doc.reviews, doc.revision).missing });
    const already = new Set(doc.publish?.accountIds ?? []);
    const wanted = [...new Set(input.accountIds)];
    const added = wanted.filter((a) => !already.has(a));
    if (doc.status === 'published' && added.length === 0) throw refused('该信息已发布到所选账号', 'already_published');

    for (const accountId of added) {
      const account = await MediaAccount.findById(accountId).lean();
      // Accounts of other bodies are not confirmed to exist.
      if (!account || account.bodyId !== doc.bodyId) throw refused('所选账号不属于该信息的发布机关', 'account_not_found', { accountId });
      const why = accountRefusal(account, deps.settings);
      if (why) throw refused(why, 'account_unusable', { accountId });
    }

    const now = new Date();
    const requested = input.publishAt ? new Date(input.publishAt) : now;
    const publishAt = doc.publish?.publishAt ?? (requested > now ? requested : now);
    const decision = {
      decidedAt: now,
      decidedBy: { staffId: actor.staffId },
      publishAt,
      accountIds: [...already, ...added],
    };
    // Intent, then the decision (one conditional write), then the deliveries (outbox/schedule.ts).
    const intent = await recordIntent(id, input.version);
    let decided: ContentItemDoc;
    try {
      decided = await updateAtVersion(ContentItem, id, input.version, { $set: { status: 'published', publish: decision, publishedAt: publishAt } });
    } catch (err) {
      await dropIntent(intent).catch(() => undefined);
      throw err;
    }
    await touchFeeds(decided.bodyId);
    await scheduleDeliveries(deps.jobs, decided, intent);
    await dropIntent(intent);
    return decided;
  });
  deps.wake?.();
  return item;
}
