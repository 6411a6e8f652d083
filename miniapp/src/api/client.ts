import Taro from '@tarojs/taro';
import { CLIENT_TIMEOUT_MS } from '@zwgk/shared';
import { ApiError, networkErrorMessage, toApiError } from './errors';
import { clearTokens, loadTokens, saveTokens, type StoredTokens } from './storage';

export { ApiError, fieldErrors } from './errors';

// One HTTP client for the whole app. Page code calls typed endpoint functions built on
// `client.get/post/...`; nothing else touches Taro.request, so base URL, auth, token refresh
// and error shape are decided here once.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  url: string;
  method: HttpMethod;
  header: Record<string, string>;
  data?: unknown;
  timeout: number;
}

export interface TransportResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

/** Sends one HTTP request; rejects only when no response arrived. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export const taroTransport: Transport = async (request) => {
  const response = await Taro.request({
    url: request.url,
    method: request.method,
    header: request.header,
    data: request.data as TaroGeneral.IAnyObject | undefined,
    timeout: request.timeout,
    dataType: 'json',
  });
  return { statusCode: response.statusCode, data: response.data as unknown, header: (response.header ?? {}) as Record<string, string> };
};

/** Exchanges the refresh token for new tokens; returns undefined when the session is over. */
export type RefreshHandler = (tokens: StoredTokens, client: ApiClient) => Promise<StoredTokens | undefined>;

export interface ApiClientOptions {
  /** Defaults to the build constant API_BASE_URL ('/api' on H5). */
  baseUrl?: string;
  audience: StoredTokens['audience'];
  transport?: Transport;
  refresh?: RefreshHandler;
  /** Called once the session cannot be refreshed (tokens already cleared): go to sign-in. */
  onSignedOut?: () => void;
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the bearer token (default true). Public endpoints (status lookup, figures) set false. */
  auth?: boolean;
  /** Same key for every retry of one submission, so the server creates it once. */
  idempotencyKey?: string;
  /** This request's timeout, for the few that may take long (e.g. a report computed on first view). */
  timeoutMs?: number;
}

export interface ApiClient {
  readonly baseUrl: string;
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** Installed by the sign-in code, which knows the refresh endpoint. */
  setRefreshHandler(handler: RefreshHandler | undefined): void;
  setSignedOutHandler(handler: (() => void) | undefined): void;
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  const url = `${base}${path.startsWith('/') ? path : `/${path}`}`;
  return parts.length ? `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}` : url;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? API_BASE_URL;
  const transport = options.transport ?? taroTransport;
  const timeout = options.timeoutMs ?? CLIENT_TIMEOUT_MS;
  let refresh = options.refresh;
  let onSignedOut = options.onSignedOut;
  // Several requests failing with 401 at once share one refresh (rotation makes a second
  // refresh with the same token look like reuse, which the server punishes by revoking).
  let refreshing: Promise<StoredTokens | undefined> | undefined;

  async function send(method: HttpMethod, path: string, opts: RequestOptions, tokens: StoredTokens | undefined): Promise<TransportResponse> {
    const header: Record<string, string> = { Accept: 'application/json', ...opts.headers };
    if (opts.body !== undefined) header['Content-Type'] = 'application/json';
    if (tokens) header['Authorization'] = `Bearer ${tokens.accessToken}`;
    if (opts.idempotencyKey) header['Idempotency-Key'] = opts.idempotencyKey;
    try {
      return await transport({ url: buildUrl(baseUrl, path, opts.query), method, header, data: opts.body, timeout: opts.timeoutMs ?? timeout });
    } catch (cause) {
      const error = new ApiError(0, 'NETWORK_ERROR', networkErrorMessage);
      (error as { cause?: unknown }).cause = cause;
      throw error;
    }
  }

  async function refreshTokens(tokens: StoredTokens): Promise<StoredTokens | undefined> {
    if (!refresh) return undefined;
    refreshing ??= refresh(tokens, client)
      .catch(() => undefined)
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth !== false;
    const tokens = useAuth ? loadTokens(options.audience) : undefined;
    let response = await send(method, path, opts, tokens);

    if (response.statusCode === 401 && tokens) {
      const current = loadTokens(options.audience);
      // Another request may have refreshed while this one was in flight: use its tokens
      // rather than spend the (now rotated) refresh token a second time.
      const renewed = !current ? undefined : current.accessToken !== tokens.accessToken ? current : await refreshTokens(current);
      if (renewed) {
        if (renewed !== current) saveTokens(renewed);
        response = await send(method, path, opts, renewed);
      } else if (loadTokens(options.audience)) {
        clearTokens(options.audience);
        onSignedOut?.();
      }
    }

    if (response.statusCode >= 200 && response.statusCode < 300) {
      return response.data as T;
    }
    throw toApiError(response.statusCode, response.data);
  }

  const client: ApiClient = {
    baseUrl,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    setRefreshHandler: (handler) => {
      refresh = handler;
    },
    setSignedOutHandler: (handler) => {
      onSignedOut = handler;
    },
  };
  return client;
}

/** The citizen app's client. */
export const citizenApi = createApiClient({ audience: 'citizen' });

/** The staff console's client (separate session from the citizen's). */
export const staffApi = createApiClient({ audience: 'staff' });
