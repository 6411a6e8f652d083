import type { FetchLike } from '../http';

/** What a WeChat client needs; the server's config module supplies the values. */
export interface WechatClientOptions {
  /** e.g. https://api.weixin.qq.com (tests: the simulator's URL) */
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** per HTTP exchange; default 10 s */
  timeoutMs?: number;
  /**
   * 'token' (default): GET /cgi-bin/token — each fetch retires the previous
   * token, so only one process should fetch tokens for an AppID.
   * 'stable': POST /cgi-bin/stable_token — every process gets the same token;
   * the choice for several server instances.
   */
  tokenMode?: 'token' | 'stable';
  /** refresh this long before the token expires (default 5 min, at most half the lifetime) */
  tokenRefreshMarginMs?: number;
  fetch?: FetchLike;
  now?: () => number;
}

export interface ResolvedWechatOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
  tokenMode: 'token' | 'stable';
  tokenRefreshMarginMs: number;
  fetch?: FetchLike;
  now: () => number;
}

export function resolveWechatOptions(o: WechatClientOptions): ResolvedWechatOptions {
  if (!o.baseUrl || !o.appId || !o.appSecret) throw new Error('WeChat client needs baseUrl, appId and appSecret');
  return {
    baseUrl: o.baseUrl,
    appId: o.appId,
    appSecret: o.appSecret,
    timeoutMs: o.timeoutMs ?? 10_000,
    tokenMode: o.tokenMode ?? 'token',
    tokenRefreshMarginMs: o.tokenRefreshMarginMs ?? 5 * 60_000,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    now: o.now ?? Date.now,
  };
}
