// The access token of one AppID: fetched once, kept in memory until shortly
// before it expires, refreshed by a single request however many callers are
// waiting, and refreshed once more when WeChat says it is stale (40001/42001)
// — WeChat documents that a token may be invalidated before its expiry, so a
// caller must be able to refresh "passively".
import { PlatformError } from '../errors';
import type { ResolvedWechatOptions } from './options';
import { callWechat } from './request';

interface CachedToken {
  token: string;
  refreshAt: number;
}

export class AccessTokenProvider {
  private cached: CachedToken | undefined;
  private inflight: Promise<string> | undefined;
  /** how many tokens this provider has fetched (for diagnostics and tests) */
  fetches = 0;

  constructor(private readonly opts: ResolvedWechatOptions) {}

  /** A usable token: the cached one, or a fresh one (one request for all concurrent callers). */
  get(): Promise<string> {
    const c = this.cached;
    if (c && this.opts.now() < c.refreshAt) return Promise.resolve(c.token);
    return this.refresh(undefined);
  }

  /** Forget `token` if it is the cached one (a fresher token is kept). */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /**
   * Runs `call` with a token. If WeChat rejects the token, fetches a new one
   * and runs `call` once more; a second rejection is reported as a transient
   * error (another process may be fighting over the token).
   */
  async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.get();
    try {
      return await call(token);
    } catch (err) {
      if (!isTokenError(err)) throw err;
      this.invalidate(token);
      const fresh = await this.refreshAfterRejection(token);
      try {
        return await call(fresh);
      } catch (again) {
        if (isTokenError(again)) throw again.withTransient(true, `${again.message}（刷新凭证后仍被拒绝）`);
        throw again;
      }
    }
  }

  private refreshAfterRejection(rejected: string): Promise<string> {
    const c = this.cached;
    // Someone else already refreshed while our call was in flight.
    if (c && c.token !== rejected && this.opts.now() < c.refreshAt) return Promise.resolve(c.token);
    return this.refresh(rejected);
  }

  private refresh(rejected: string | undefined): Promise<string> {
    if (this.inflight) return this.inflight;
    const run = (async () => {
      try {
        let fresh = await this.fetchToken(false);
        // stable_token in normal mode hands back the live token; if that is
        // the one WeChat just rejected, force a new one.
        if (this.opts.tokenMode === 'stable' && rejected !== undefined && fresh.token === rejected) fresh = await this.fetchToken(true);
        const lifetime = fresh.expiresIn * 1000;
        const margin = Math.min(this.opts.tokenRefreshMarginMs, lifetime / 2);
        this.cached = { token: fresh.token, refreshAt: this.opts.now() + lifetime - margin };
        return fresh.token;
      } finally {
        this.inflight = undefined;
      }
    })();
    this.inflight = run;
    return run;
  }

  private async fetchToken(forceRefresh: boolean): Promise<{ token: string; expiresIn: number }> {
    this.fetches += 1;
    const o = this.opts;
    const body =
      o.tokenMode === 'stable'
        ? await callWechat<{ access_token?: string; expires_in?: number }>(o, {
            method: 'POST',
            path: '/cgi-bin/stable_token',
            json: { grant_type: 'client_credential', appid: o.appId, secret: o.appSecret, force_refresh: forceRefresh },
            tokenEndpoint: true,
          })
        : await callWechat<{ access_token?: string; expires_in?: number }>(o, {
            method: 'GET',
            path: '/cgi-bin/token',
            query: { grant_type: 'client_credential', appid: o.appId, secret: o.appSecret },
            tokenEndpoint: true,
          });
    if (typeof body.access_token !== 'string' || !body.access_token || typeof body.expires_in !== 'number') {
      throw new PlatformError({ platform: 'wechat', code: 'BAD_RESPONSE', kind: 'server_error', transient: true, endpoint: o.tokenMode === 'stable' ? '/cgi-bin/stable_token' : '/cgi-bin/token', message: '微信接口返回的 access_token 不完整' });
    }
    return { token: body.access_token, expiresIn: body.expires_in };
  }
}

function isTokenError(err: unknown): err is PlatformError {
  return err instanceof PlatformError && err.kind === 'token';
}
