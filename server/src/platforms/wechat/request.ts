// One call to the WeChat API: WeChat answers errors with HTTP 200 and an
// errcode in the JSON body, so the body decides, not the status.
import { exchange, httpStatusError, joinUrl } from '../http';
import { wechatErrcodeError } from './errcodes';
import type { ResolvedWechatOptions } from './options';

export interface WechatCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
  /** /cgi-bin/token and /cgi-bin/stable_token, where 40001 means a wrong secret */
  tokenEndpoint?: boolean;
}

export async function callWechat<T extends object>(opts: ResolvedWechatOptions, call: WechatCall): Promise<T> {
  const answer = await exchange({
    platform: 'wechat',
    endpoint: call.path,
    url: joinUrl(opts.baseUrl, call.path, call.query),
    method: call.method,
    ...(call.json !== undefined ? { body: JSON.stringify(call.json), headers: { 'content-type': 'application/json; charset=utf-8' } } : {}),
    ...(call.form !== undefined ? { body: call.form } : {}),
    timeoutMs: opts.timeoutMs,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const body = answer.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw httpStatusError('wechat', call.path, answer);
  const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode === 'number' && errcode !== 0) {
    throw wechatErrcodeError(errcode, typeof errmsg === 'string' ? errmsg : undefined, call.path, { tokenEndpoint: call.tokenEndpoint ?? false });
  }
  if (answer.status < 200 || answer.status >= 300) throw httpStatusError('wechat', call.path, answer);
  return body as T;
}
