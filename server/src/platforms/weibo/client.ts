// statuses/share: posts a status that links to the item on the body's own
// site, optionally with a picture (multipart). Weibo tokens belong to the
// account's OAuth authorisation: they cannot be refreshed by us, only
// re-read from the account registry (staff may have re-authorised meanwhile).
import { PlatformError } from '../errors';
import { exchange, httpStatusError, joinUrl, retryAfter, type FetchLike } from '../http';
import { weiboError, WEIBO_TOKEN_ERRORS } from './errcodes';
import { fitWeiboStatus, linksOf } from './text';

export interface WeiboClientOptions {
  /** e.g. https://api.weibo.com (tests: the simulator's URL) */
  baseUrl: string;
  /** the account's OAuth2 token, or a function reading the current one */
  accessToken: string | (() => string | Promise<string>);
  /** per HTTP exchange; default 10 s */
  timeoutMs?: number;
  /** the operator's real IP, reported as `rip` */
  rip?: string;
  fetch?: FetchLike;
}

export interface WeiboPicture {
  data: Uint8Array;
  filename: string;
  contentType?: string;
}

export interface ShareInput {
  /** the text; must contain the link unless `link` is given */
  status: string;
  /** the item's URL on the body's own site; appended (and always kept) when given */
  link?: string;
  pic?: WeiboPicture;
}

export interface WeiboStatus {
  id: string;
  text: string;
  createdAt?: string;
}

const ENDPOINT = '/2/statuses/share.json';

export async function shareStatus(opts: WeiboClientOptions, input: ShareInput): Promise<WeiboStatus> {
  const status = fitWeiboStatus(input.status, input.link);
  if (linksOf(status).length === 0) {
    throw new PlatformError({ platform: 'weibo', code: 'NO_LINK', kind: 'invalid_request', transient: false, endpoint: ENDPOINT, message: '微博内容必须包含本单位网站上该条信息的链接' });
  }
  const readToken = async () => (typeof opts.accessToken === 'function' ? await opts.accessToken() : opts.accessToken);
  const token = await readToken();
  try {
    return await post(opts, token, status, input.pic);
  } catch (err) {
    if (!(err instanceof PlatformError) || !WEIBO_TOKEN_ERRORS.has(Number(err.code)) || typeof opts.accessToken !== 'function') throw err;
    const current = await readToken();
    if (current === token) throw err;
    return post(opts, current, status, input.pic);
  }
}

async function post(opts: WeiboClientOptions, token: string, status: string, pic?: WeiboPicture): Promise<WeiboStatus> {
  // Without a picture the documented encoding is a plain form; with one, multipart.
  let body: URLSearchParams | FormData;
  if (pic) {
    const form = new FormData();
    form.append('status', status);
    if (opts.rip) form.append('rip', opts.rip);
    form.append('pic', new Blob([new Uint8Array(pic.data)], { type: pic.contentType ?? 'image/jpeg' }), pic.filename);
    body = form;
  } else {
    body = new URLSearchParams({ status, ...(opts.rip ? { rip: opts.rip } : {}) });
  }
  const answer = await exchange({
    platform: 'weibo',
    endpoint: ENDPOINT,
    url: joinUrl(opts.baseUrl, ENDPOINT),
    method: 'POST',
    headers: { authorization: `OAuth2 ${token}` },
    body,
    timeoutMs: opts.timeoutMs ?? 10_000,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const json = answer.json as { error_code?: number | string; error?: string; idstr?: string; id?: number | string; text?: string; created_at?: string } | undefined;
  if (json && json.error_code !== undefined) {
    throw weiboError(Number(json.error_code), json.error, ENDPOINT, retryAfter(answer.headers));
  }
  if (!json || answer.status < 200 || answer.status >= 300) throw httpStatusError('weibo', ENDPOINT, answer);
  // idstr first: ids exceed what a JSON number keeps exactly in some answers.
  const id = json.idstr ?? (json.id !== undefined ? String(json.id) : undefined);
  if (!id) throw httpStatusError('weibo', ENDPOINT, { ...answer, status: 200, json: undefined });
  const created = json.created_at ? new Date(json.created_at) : undefined;
  return { id, text: json.text ?? status, ...(created && !Number.isNaN(created.getTime()) ? { createdAt: created.toISOString() } : {}) };
}
