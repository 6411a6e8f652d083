// One error type for every external platform. `transient` is the only thing a
// caller has to look at to decide whether to try again later: the publishing
// outbox and the notifier retry transient errors with backoff and give up,
// showing `message` to staff, on permanent ones.

export type PlatformName = 'wechat' | 'weibo' | 'webhook';

export type PlatformErrorKind =
  | 'busy' // the platform says it is busy (WeChat -1, Weibo 10001/10009)
  | 'rate_limited' // a quota or frequency limit
  | 'timeout' // no answer within our timeout
  | 'network' // connection refused/reset, DNS…
  | 'server_error' // HTTP 5xx or an unreadable answer
  | 'token' // access token expired/invalid (WeChat refreshes once before reporting it)
  | 'auth' // credentials rejected; needs a person (wrong secret, Weibo authorisation expired)
  | 'config' // our configuration is wrong (appid, template id, IP whitelist…)
  | 'invalid_request' // the request breaks the platform's rules
  | 'refused' // the user refused (WeChat 43101)
  | 'duplicate' // the platform already has this content (Weibo 20019)
  | 'content_rejected' // content failed the platform's checks
  | 'unknown';

export interface PlatformErrorInit {
  platform: PlatformName;
  code: number | string;
  message: string;
  transient: boolean;
  kind: PlatformErrorKind;
  retryAfterMs?: number;
  /** the API path that failed, e.g. '/cgi-bin/freepublish/submit' */
  endpoint?: string;
  /** the platform's own message (errmsg / error), as received */
  platformMessage?: string;
  cause?: unknown;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  readonly platform: PlatformName;
  /** the platform's errcode, or 'TIMEOUT' | 'NETWORK' | 'HTTP_<status>' | 'BAD_RESPONSE' | a local check */
  readonly code: number | string;
  readonly transient: boolean;
  readonly kind: PlatformErrorKind;
  readonly retryAfterMs?: number;
  readonly endpoint?: string;
  readonly platformMessage?: string;

  constructor(init: PlatformErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.platform = init.platform;
    this.code = init.code;
    this.transient = init.transient;
    this.kind = init.kind;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.endpoint !== undefined) this.endpoint = init.endpoint;
    if (init.platformMessage !== undefined) this.platformMessage = init.platformMessage;
  }

  /** The same error with another transient flag (e.g. a token rejected again right after a refresh). */
  withTransient(transient: boolean, message = this.message): PlatformError {
    return new PlatformError({ ...this.toInit(), transient, message });
  }

  toJSON(): Omit<PlatformErrorInit, 'cause'> {
    const { cause: _cause, ...rest } = this.toInit();
    return rest;
  }

  private toInit(): PlatformErrorInit {
    return {
      platform: this.platform,
      code: this.code,
      message: this.message,
      transient: this.transient,
      kind: this.kind,
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.endpoint !== undefined ? { endpoint: this.endpoint } : {}),
      ...(this.platformMessage !== undefined ? { platformMessage: this.platformMessage } : {}),
      ...(this.cause !== undefined ? { cause: this.cause } : {}),
    };
  }
}

export function isPlatformError(err: unknown): err is PlatformError {
  return err instanceof PlatformError;
}

/** True when trying again later may succeed. Errors that are not PlatformErrors are bugs: not transient. */
export function isTransient(err: unknown): boolean {
  return err instanceof PlatformError && err.transient;
}

export const PLATFORM_LABEL: Record<PlatformName, string> = { wechat: '微信', weibo: '微博', webhook: '推送接口' };
