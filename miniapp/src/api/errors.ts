// The one error type of the API client. `message` is always Chinese and safe to show the
// user: the server's own message when it sent one (server/src/errors.ts writes 4xx messages
// for users and replaces 5xx details with a generic line), otherwise a generic one for the
// status, or for a network failure.
import type { ApiErrorBody } from '@zwgk/shared';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer (offline, timeout). */
    readonly status: number,
    /** Stable code from the server (e.g. 'VALIDATION_FAILED'), or the client's own: 'NETWORK_ERROR', 'HTTP_<status>'. */
    readonly code: string,
    message: string,
    /** As the server sent them; for 'VALIDATION_FAILED': `{ fields: [{ field, message }] }`. */
    readonly details?: ApiErrorBody['error']['details'],
    /** The server's request id, to quote when reporting a problem. */
    readonly requestId?: string,
  ) {
    super(message);
  }
}

const fallbackMessages: Record<number, string> = {
  0: '网络连接失败，请检查网络后重试',
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '没有权限进行此操作',
  404: '没有找到相关内容',
  409: '内容已被更新，请刷新后重试',
  413: '文件或内容过大',
  415: '不支持的文件类型',
  422: '填写的内容有误，请检查后重试',
  429: '操作太频繁，请稍后再试',
};

const serverErrorMessage = '服务暂时不可用，请稍后再试';

export function fallbackMessage(status: number): string {
  if (status >= 500) return serverErrorMessage;
  return fallbackMessages[status] ?? fallbackMessages[400]!;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the server's JSON error body (ApiErrorBody of @zwgk/shared, written by
 * server/src/middleware/errorHandler.ts). Anything else (a proxy's HTML page, an empty body)
 * becomes a generic error for the status.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const payload: Partial<ApiErrorBody['error']> | undefined = isRecord(body) && isRecord(body['error']) ? body['error'] : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const details = isRecord(payload?.details) ? payload.details : undefined;
  return new ApiError(status, text(payload?.code) ?? `HTTP_${status}`, text(payload?.message) ?? fallbackMessage(status), details, text(payload?.requestId));
}

/** Field-level messages of a VALIDATION_FAILED error, keyed by field path ('' = whole input). */
export function fieldErrors(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of Array.isArray(error.details?.fields) ? error.details.fields : []) {
    if (isRecord(item) && typeof item['field'] === 'string' && typeof item['message'] === 'string') out[item['field']] ??= item['message'];
  }
  return out;
}

export const networkErrorMessage = fallbackMessages[0]!;
