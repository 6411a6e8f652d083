// What the media module reads from the server configuration (server/src/config.ts).
import type { Config } from '../config';

export interface MediaSettings {
  /** Links to items on the body's own site: `${siteBaseUrl}/public/items/<id>` (Weibo requires one, WeChat shows it as 阅读原文). */
  siteBaseUrl: string;
  wechatApiBase: string;
  weiboApiBase: string;
  /** Default signed webhook for accounts without their own. */
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** Per platform HTTP exchange. */
  platformTimeoutMs: number;
  /** Between freepublish/get polls. */
  wechatPollMs: number;
}

export function mediaSettings(config: Config): MediaSettings {
  return {
    siteBaseUrl: (config.mediaSiteBaseUrl ?? config.publicBaseUrl).replace(/\/+$/, ''),
    wechatApiBase: config.wechatApiBase,
    weiboApiBase: config.weiboApiBase,
    webhookUrl: config.webhookUrl,
    webhookSecret: config.webhookSecret,
    platformTimeoutMs: config.mediaPlatformTimeoutMs,
    wechatPollMs: config.mediaWechatPollMs,
  };
}

export const itemLink = (settings: Pick<MediaSettings, 'siteBaseUrl'>, itemId: string) => `${settings.siteBaseUrl}/public/items/${encodeURIComponent(itemId)}`;
