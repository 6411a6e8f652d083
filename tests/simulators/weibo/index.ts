// The Weibo simulator: POST /2/statuses/share.json of the Weibo open API
// ("第三方分享一条链接到微博"), with the documented error body
// {error, error_code, request}.
import { createHash, randomBytes } from 'node:crypto';
import type { FaultController } from '../core/faults';
import { startSimServer, type Handler, type SimRequest, type SimResponse } from '../core/server';
import { linksIn, weiboLength, WEIBO_LIMIT } from './length';

export { weiboLength, WEIBO_LIMIT, WEIBO_LINK_WEIGHT } from './length';

export const WEIBO_SIM_TOKEN = 'weibo-sim-token-0001';

export interface WeiboSimOptions {
  host?: string;
  port?: number;
  /** OAuth2 access tokens accepted (default [WEIBO_SIM_TOKEN]) */
  accessTokens?: string[];
  /** the app's 安全域名: a status must link to one of these (or a subdomain) */
  safeDomains?: string[];
  /** optional built-in rate limit: more than `max` shares in `windowMs` → 10023 */
  rateLimit?: { max: number; windowMs: number };
}

export interface WeiboStatusRecord {
  id: number;
  idstr: string;
  text: string;
  token: string;
  rip?: string;
  pic?: { filename: string; type: string; size: number; sha256: string };
  createdAt: string;
}

export interface WeiboSimState {
  calls: Record<string, number>;
  /** accepted statuses, in order */
  statuses: WeiboStatusRecord[];
}

export interface WeiboSimulator {
  url: string;
  readonly state: WeiboSimState;
  faults: FaultController;
  close(): Promise<void>;
  /** the token expires: calls with it get 21327 until renewed */
  expireToken(token?: string): void;
  /** accept a (new) token, e.g. after staff re-authorised the account */
  addToken(token: string): void;
}

const ERRORS: Record<number, { status: number; error: string }> = {
  10001: { status: 500, error: 'System error' },
  10002: { status: 503, error: 'Service unavailable' },
  10007: { status: 400, error: 'Unsupport mediatype, use application/x-www-form-urlencoded or multipart/form-data' },
  10009: { status: 503, error: 'Too many pending tasks, system is busy' },
  10016: { status: 400, error: 'Miss required parameter (status), see doc for more info' },
  10017: { status: 400, error: 'Parameter (status)\'s value invalid, see doc for more info' },
  10022: { status: 403, error: 'IP requests out of rate limit' },
  10023: { status: 403, error: 'User requests out of rate limit' },
  10024: { status: 403, error: 'User requests for (statuses/share) out of rate limit' },
  20005: { status: 400, error: 'Unsupported image type, only suport JPG, GIF, PNG' },
  20006: { status: 400, error: 'Image size too large' },
  20012: { status: 400, error: 'Text too long, please input text less than 140 characters' },
  20019: { status: 400, error: 'repeat content' },
  21327: { status: 401, error: 'expired_token' },
  21332: { status: 401, error: 'invalid_access_token' },
};

function weiboError(code: number, message: string | undefined, req: Pick<SimRequest, 'path'>): SimResponse {
  const known = ERRORS[code];
  return { status: known?.status ?? 400, body: { error: message ?? known?.error ?? 'simulated error', error_code: code, request: req.path } };
}

export async function startWeiboSimulator(opts: WeiboSimOptions = {}): Promise<WeiboSimulator> {
  const tokens = new Map<string, 'live' | 'expired'>((opts.accessTokens ?? [WEIBO_SIM_TOKEN]).map((t) => [t, 'live']));
  const safeDomains = opts.safeDomains ?? ['pingwu.gov.cn', 'localhost', '127.0.0.1'];
  let state: WeiboSimState = { calls: {}, statuses: [] };
  let nextId = 5_000_000_000_000_000; // below 2^53, like real ids
  const recent: number[] = [];

  const share: Handler = async (req) => {
    const form = await readForm(req);
    if (!form) return weiboError(10007, undefined, req);
    const token = bearer(req) ?? stringField(form, 'access_token');
    if (!token || !tokens.has(token)) return weiboError(21332, undefined, req);
    if (tokens.get(token) === 'expired') return weiboError(21327, undefined, req);

    if (opts.rateLimit) {
      const now = Date.now();
      while (recent.length && recent[0]! <= now - opts.rateLimit.windowMs) recent.shift();
      if (recent.length >= opts.rateLimit.max) return weiboError(10023, undefined, req);
      recent.push(now);
    }

    const status = stringField(form, 'status');
    if (!status) return weiboError(10016, undefined, req);
    if (weiboLength(status) > WEIBO_LIMIT) return weiboError(20012, undefined, req);
    if (/#[^#\s]+#/.test(status)) return weiboError(10017, 'status must not contain #话题词#', req);
    if (!linksIn(status).some((l) => isSafe(l, safeDomains))) return weiboError(10017, "status must contain a link of the app's safe domain", req);
    if (state.statuses.some((s) => s.token === token && s.text === status)) return weiboError(20019, undefined, req);

    let pic: WeiboStatusRecord['pic'];
    const file = form.get('pic');
    if (file && typeof file !== 'string') {
      const bytes = Buffer.from(await file.arrayBuffer());
      const type = imageType(bytes);
      if (!type) return weiboError(20005, undefined, req);
      if (bytes.length >= 5 * 1024 * 1024) return weiboError(20006, undefined, req);
      pic = { filename: (file as File).name ?? 'pic', type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }

    const id = nextId++;
    const createdAt = new Date();
    const rip = stringField(form, 'rip');
    state.statuses.push({ id, idstr: String(id), text: status, token, ...(rip ? { rip } : {}), ...(pic ? { pic } : {}), createdAt: createdAt.toISOString() });
    const picId = pic ? randomBytes(8).toString('hex') : undefined;
    return {
      body: {
        created_at: weiboDate(createdAt),
        id,
        idstr: String(id),
        mid: String(id),
        text: status,
        source: '<a href="http://app.weibo.com/t/feed/sim" rel="nofollow">政务公开助手</a>',
        favorited: false,
        truncated: false,
        ...(picId ? { thumbnail_pic: `http://wx1.sinaimg.cn/thumbnail/${picId}.jpg`, bmiddle_pic: `http://wx1.sinaimg.cn/bmiddle/${picId}.jpg`, original_pic: `http://wx1.sinaimg.cn/large/${picId}.jpg` } : {}),
        user: { id: 1_000_000_001, idstr: '1000000001', screen_name: '平武发布(模拟)' },
      },
    };
  };

  const server = await startSimServer({
    name: 'weibo',
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    routes: { 'POST /2/statuses/share.json': share },
    controls: {
      'POST /__sim/weibo/tokens': (req) => {
        const b = req.json<{ action?: string; token?: string }>() ?? {};
        if (b.action === 'expire') expireToken(b.token);
        else if (b.action === 'add' && b.token) tokens.set(b.token, 'live');
        else throw new Error("action must be 'expire' (token optional) or 'add' (token required)");
        return { body: { ok: true } };
      },
    },
    errorResponse: (code, message, req) => weiboError(code, message, req),
    busyCode: 10001,
    getState: () => state,
    reset: () => {
      state.statuses = [];
      state.calls = {};
      recent.length = 0;
    },
    countCall: (path) => void (state.calls[path] = (state.calls[path] ?? 0) + 1),
  });

  function expireToken(token?: string) {
    for (const t of tokens.keys()) if (token === undefined || t === token) tokens.set(t, 'expired');
  }

  return {
    url: server.url,
    get state() {
      return state;
    },
    faults: server.faults,
    close: server.close,
    expireToken,
    addToken: (t) => void tokens.set(t, 'live'),
  };
}

async function readForm(req: SimRequest): Promise<FormData | undefined> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) return undefined;
  return req.formData().catch(() => undefined);
}

function bearer(req: SimRequest): string | undefined {
  const m = /^OAuth2\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
  return m?.[1];
}

function stringField(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function isSafe(link: string, domains: string[]): boolean {
  try {
    const host = new URL(link).hostname;
    return domains.some((d) => host === d || host.endsWith(`.${d}`));
  } catch {
    return false;
  }
}

function imageType(b: Buffer): string | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 4).toString('latin1') === '\x89PNG') return 'image/png';
  if (b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return undefined;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Wed Oct 24 23:49:17 +0800 2012', Weibo's created_at format, in Beijing time. */
function weiboDate(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[b.getUTCDay()]} ${MONTHS[b.getUTCMonth()]} ${p(b.getUTCDate())} ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}:${p(b.getUTCSeconds())} +0800 ${b.getUTCFullYear()}`;
}
