// The job that sends one subscribe message (kind `wechat.subscribe`, id `wechat:<notificationId>`).
// The grant was consumed when the job was scheduled (notifier.ts), so the job decides only
// whether to try (again):
// - busy, rate limits, 5xx, a refused connection, an expired token → retried with backoff
//   (the platform client refreshes tokens itself); the job id makes a second copy impossible.
// - 43101 → the citizen refused or has no grant: the consent is marked refused, no retry.
// - a timeout, a connection cut mid-way, or a takeover after the previous holder died mid-send →
//   WeChat may have delivered it: not retried (at most once — a duplicate costs the citizen a
//   grant they gave for another message), failed with the reason for staff to see.
import { isPlatformError, type PlatformError } from '../platforms/errors';
import type { WechatClient } from '../platforms/wechat';
import type { SubscribeTemplateKey, Config } from '../config';
import type { ClaimedJob } from '../jobs';
import { Citizen } from '../models/citizen';
import { markRefused } from './consent';

export const WECHAT_SEND_KIND = 'wechat.subscribe';

export interface WechatSendPayload {
  citizenId: string;
  templateKey: SubscribeTemplateKey;
  page: string;
  data: Record<string, string>;
}

export interface WechatSendDeps {
  wechat: WechatClient | undefined;
  templates: Config['wechatTemplates'];
  /** openid of a citizen; default: the citizens collection. */
  openidOf?: (citizenId: string) => Promise<string | null>;
  now?: () => Date;
}

class Permanent extends Error {
  readonly transient = false;
}

function outcomeUnknown(err: PlatformError): boolean {
  if (err.kind === 'timeout') return true;
  if (err.kind !== 'network') return false;
  // A refused connection never reached WeChat; anything else (reset, socket hang up) may have.
  const cause = (err as { cause?: { cause?: { code?: string }; code?: string } }).cause;
  const code = cause?.cause?.code ?? cause?.code;
  return code !== 'ECONNREFUSED';
}

export function createWechatSendHandler(deps: WechatSendDeps) {
  const now = deps.now ?? (() => new Date());
  const openidOf = deps.openidOf ?? (async (id: string) => (await Citizen.findById(id).lean())?.openid ?? null);
  return async (job: ClaimedJob): Promise<Record<string, unknown>> => {
    const p = job.payload as unknown as WechatSendPayload;
    const template = deps.templates[p.templateKey];
    if (!deps.wechat || !template) return { skipped: 'not_configured' };
    if (job.takeover) throw new Permanent('上次发送过程中断，微信可能已送达；为避免重复发送，不再重试');
    const openid = await openidOf(p.citizenId);
    if (!openid) return { skipped: 'no_openid' };
    try {
      const { msgid } = await deps.wechat.sendSubscribeMessage({ touser: openid, templateId: template.id, page: p.page, data: p.data });
      return { msgid: msgid ?? null };
    } catch (err) {
      if (!isPlatformError(err)) throw err;
      if (err.code === 43101) {
        await markRefused(p.citizenId, p.templateKey, now());
        throw new Permanent('用户拒绝接收该订阅消息（43101）');
      }
      if (err.transient && outcomeUnknown(err)) throw new Permanent(`发送结果未知（${err.message}），为避免重复发送不再重试`);
      throw err; // PlatformError: transient → retried (honouring retryAfterMs), permanent → failed
    }
  };
}
