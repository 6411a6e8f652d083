// Sign-in and credentials: /sns/jscode2session (code2Session),
// /cgi-bin/token (getAccessToken) and /cgi-bin/stable_token.
import type { Handler, SimRequest } from '../core/server';
import { randomId, nowIso, wechatError, type WechatSimContext } from './context';
import type { IssuedToken } from './state';

export function authRoutes(ctx: WechatSimContext): Record<string, Handler> {
  return {
    'GET /sns/jscode2session': (req) => code2Session(ctx, req),
    'GET /cgi-bin/token': (req) => {
      const q = req.query;
      if (q.get('grant_type') !== 'client_credential') return wechatError(40002, 'invalid grant type');
      const bad = checkApp(ctx, q.get('appid'), q.get('secret'), 40001);
      if (bad) return bad;
      const token = issueToken(ctx, q.get('appid')!, 'token');
      return { body: { access_token: token.token, expires_in: Math.round((token.expiresAt - token.issuedAt) / 1000) } };
    },
    'POST /cgi-bin/stable_token': (req) => {
      const body = req.json<{ grant_type?: string; appid?: string; secret?: string; force_refresh?: boolean }>();
      if (!body) return wechatError(47001, 'data format error');
      if (body.grant_type !== 'client_credential') return wechatError(40002, 'invalid grant type');
      const bad = checkApp(ctx, body.appid ?? null, body.secret ?? null, 40125);
      if (bad) return bad;
      const now = ctx.now();
      const current = ctx.state.tokens.find((t) => t.appid === body.appid && t.kind === 'stable' && !t.revoked && t.expiresAt > now);
      // Normal mode returns the live stable token; force_refresh replaces it.
      if (current && !body.force_refresh) {
        return { body: { access_token: current.token, expires_in: Math.round((current.expiresAt - now) / 1000) } };
      }
      if (current) current.revoked = true;
      const token = issueToken(ctx, body.appid!, 'stable');
      return { body: { access_token: token.token, expires_in: Math.round((token.expiresAt - token.issuedAt) / 1000) } };
    },
  };
}

function code2Session(ctx: WechatSimContext, req: SimRequest) {
  const q = req.query;
  const bad = checkApp(ctx, q.get('appid'), q.get('secret'), 40125);
  if (bad) return bad;
  if (q.get('grant_type') !== 'authorization_code') return wechatError(40002, 'invalid grant_type');
  const code = q.get('js_code');
  if (!code) return wechatError(41008, 'missing code');
  // A wx.login code is good for one exchange only.
  if (ctx.usedCodes.has(code)) return wechatError(40163, 'code been used');
  const openid = openidForCode(ctx, code);
  if (!openid) return wechatError(40029, 'invalid code');
  ctx.usedCodes.add(code);
  ctx.knownOpenids.add(openid);
  ctx.state.sessions.push({ code, openid, appid: q.get('appid')!, at: nowIso() });
  return { body: { openid, session_key: randomId(16) } };
}

function openidForCode(ctx: WechatSimContext, code: string): string | undefined {
  const configured = ctx.codes[code];
  if (configured) return configured;
  const m = /^code-([A-Za-z0-9_-]{1,40})$/.exec(code);
  return ctx.deriveOpenidFromCode && m ? `oSim-${m[1]}` : undefined;
}

function checkApp(ctx: WechatSimContext, appid: string | null, secret: string | null, badSecretCode: number) {
  if (!appid) return wechatError(41002, 'appid missing');
  if (!(appid in ctx.apps)) return wechatError(40013, 'invalid appid');
  if (!secret) return wechatError(41004, 'appsecret missing');
  if (ctx.apps[appid] !== secret) return wechatError(badSecretCode, badSecretCode === 40001 ? 'invalid credential, access_token is invalid or not latest' : 'invalid appsecret');
  return undefined;
}

function issueToken(ctx: WechatSimContext, appid: string, kind: 'token' | 'stable'): IssuedToken {
  const now = ctx.now();
  if (kind === 'token') {
    // Fetching a new token retires the previous one after the overlap window.
    for (const t of ctx.state.tokens) {
      if (t.appid === appid && t.kind === 'token' && !t.revoked) t.expiresAt = Math.min(t.expiresAt, now + ctx.tokenOverlapMs);
    }
  }
  const token: IssuedToken = { token: `${kind === 'stable' ? 'STK' : 'TK'}_${randomId(30)}`, appid, kind, issuedAt: now, expiresAt: now + ctx.tokenTtlMs, revoked: false };
  ctx.state.tokens.push(token);
  return token;
}

/** The simulator's switch: the live tokens of an app (or every app) expire now → 42001. */
export function expireTokens(ctx: WechatSimContext, appid?: string): number {
  const now = ctx.now();
  let n = 0;
  for (const t of ctx.state.tokens) {
    if ((appid === undefined || t.appid === appid) && !t.revoked && t.expiresAt > now) {
      t.expiresAt = now;
      n++;
    }
  }
  return n;
}

/** The simulator's switch: the live tokens are revoked → 40001 (e.g. another server fetched a new one). */
export function invalidateTokens(ctx: WechatSimContext, appid?: string): number {
  let n = 0;
  for (const t of ctx.state.tokens) {
    if ((appid === undefined || t.appid === appid) && !t.revoked) {
      t.revoked = true;
      n++;
    }
  }
  return n;
}
