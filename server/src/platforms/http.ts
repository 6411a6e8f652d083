// One HTTP exchange with a platform, bounded by a timeout. Transport failures
// become PlatformErrors here (timeouts and network errors are transient); what
// the body means is left to each platform's client.
import { PLATFORM_LABEL, PlatformError, type PlatformName } from './errors';

export type FetchLike = typeof fetch;

export interface HttpExchange {
  platform: PlatformName;
  /** API path, for messages */
  endpoint: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | FormData | URLSearchParams;
  timeoutMs: number;
  fetch?: FetchLike;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** the body parsed as JSON, undefined when it is not JSON */
  json: unknown;
}

export async function exchange(x: HttpExchange): Promise<HttpAnswer> {
  const doFetch = x.fetch ?? fetch;
  const label = PLATFORM_LABEL[x.platform];
  try {
    // The timeout covers the whole exchange, body included.
    const signal = AbortSignal.timeout(x.timeoutMs);
    const res = await doFetch(x.url, { method: x.method, ...(x.headers ? { headers: x.headers } : {}), ...(x.body !== undefined ? { body: x.body } : {}), signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: parseJson(text) };
  } catch (err) {
    if (err instanceof PlatformError) throw err;
    const name = (err as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new PlatformError({ platform: x.platform, code: 'TIMEOUT', kind: 'timeout', transient: true, endpoint: x.endpoint, message: `${label}接口 ${x.endpoint} 在 ${x.timeoutMs} 毫秒内无响应`, cause: err });
    }
    throw new PlatformError({ platform: x.platform, code: 'NETWORK', kind: 'network', transient: true, endpoint: x.endpoint, message: `${label}接口 ${x.endpoint} 网络错误：${describe(err)}`, cause: err });
  }
}

/**
 * The error for an answer whose body the platform client could not use:
 * 5xx, 408 and 429 are transient, any other status is permanent.
 */
export function httpStatusError(platform: PlatformName, endpoint: string, answer: HttpAnswer): PlatformError {
  const s = answer.status;
  const transient = s >= 500 || s === 408 || s === 429;
  const retryAfterMs = retryAfter(answer.headers);
  return new PlatformError({
    platform,
    code: s >= 200 && s < 300 ? 'BAD_RESPONSE' : `HTTP_${s}`,
    kind: s === 429 ? 'rate_limited' : transient ? 'server_error' : 'invalid_request',
    transient: transient || (s >= 200 && s < 300), // a garbled 2xx answer is worth another try
    endpoint,
    message: s >= 200 && s < 300 ? `${PLATFORM_LABEL[platform]}接口 ${endpoint} 返回了无法解析的内容` : `${PLATFORM_LABEL[platform]}接口 ${endpoint} 返回 HTTP ${s}`,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    platformMessage: answer.text.slice(0, 200),
  });
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfter(headers: Headers): number | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function joinUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
