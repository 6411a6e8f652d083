// Configuration and shared helpers of the WeChat simulator: the apps it knows,
// how tokens are checked, the error body WeChat answers with.
import { createHash, randomBytes } from 'node:crypto';
import type { SimRequest, SimResponse } from '../core/server';
import { emptyWechatState, type IssuedToken, type WechatSimState } from './state';

export const WECHAT_SIM_APP = { appId: 'wxsim00000000000001', appSecret: 'sim-app-secret-0001' } as const;

/** Server settings that make a server's WeChat client talk to a running simulator, as its app. */
export const wechatSimulatorEnv = (url: string) => ({ WECHAT_API_BASE: url, WECHAT_APPID: WECHAT_SIM_APP.appId, WECHAT_SECRET: WECHAT_SIM_APP.appSecret });

/** Default subscribe-message templates (template_id → keyword keys). */
export const WECHAT_SIM_TEMPLATES: Record<string, string[]> = {
  // 申请进度通知: 申请编号 / 申请事项 / 办理状态 / 更新日期 / 温馨提示
  'sim-tmpl-request-progress': ['character_string1', 'thing2', 'phrase3', 'date4', 'thing5'],
  // 办理提醒: 事项 / 截止日期 / 备注
  'sim-tmpl-reminder': ['thing1', 'date2', 'thing3'],
};

export interface WechatSimOptions {
  host?: string;
  port?: number;
  /** appid → secret; defaults to WECHAT_SIM_APP */
  apps?: Record<string, string>;
  /** lifetime of an access token (WeChat: 7200) */
  tokenTtlSeconds?: number;
  /** how long the previous token stays valid once /cgi-bin/token issues a new one (WeChat: 5 minutes) */
  tokenOverlapSeconds?: number;
  /** valid js_codes → openid */
  codes?: Record<string, string>;
  /** when true (default) any code 'code-<x>' is valid and logs in openid 'oSim-<x>' */
  deriveOpenidFromCode?: boolean;
  /** openids that may receive subscribe messages besides those logged in through code2Session */
  openids?: string[];
  /** accept any well-formed openid as touser */
  anyOpenid?: boolean;
  /** template_id → keyword keys; defaults to WECHAT_SIM_TEMPLATES */
  templates?: Record<string, string[]>;
  /** when set, a message's page must be one of these (else 41030) */
  pages?: string[];
  /**
   * 'open' (default): every openid×template may receive messages unless a test
   * marked it refused. 'grants': each message consumes one grant (one accepted
   * wx.requestSubscribeMessage); none left → 43101.
   */
  consent?: 'open' | 'grants';
  /** default outcome of freepublish: polls answering publish_status 1, then status */
  publish?: { polls?: number; status?: number };
}

export interface PublishOutcome {
  polls?: number;
  status: number;
}

export interface WechatSimContext {
  state: WechatSimState;
  apps: Record<string, string>;
  tokenTtlMs: number;
  tokenOverlapMs: number;
  codes: Record<string, string>;
  deriveOpenidFromCode: boolean;
  knownOpenids: Set<string>;
  anyOpenid: boolean;
  usedCodes: Set<string>;
  templates: Record<string, string[]>;
  pages?: string[];
  consent: 'open' | 'grants';
  refused: Set<string>;
  grants: Map<string, number>;
  publishDefault: Required<PublishOutcome>;
  nextPublishOutcomes: PublishOutcome[];
  seq: { msgid: number; publish: number; article: number; image: number };
  now(): number;
}

export function createContext(opts: WechatSimOptions): WechatSimContext {
  return {
    state: emptyWechatState(),
    apps: opts.apps ?? { [WECHAT_SIM_APP.appId]: WECHAT_SIM_APP.appSecret },
    tokenTtlMs: (opts.tokenTtlSeconds ?? 7200) * 1000,
    tokenOverlapMs: (opts.tokenOverlapSeconds ?? 300) * 1000,
    codes: { ...(opts.codes ?? {}) },
    deriveOpenidFromCode: opts.deriveOpenidFromCode ?? true,
    knownOpenids: new Set(opts.openids ?? []),
    anyOpenid: opts.anyOpenid ?? false,
    usedCodes: new Set(),
    templates: { ...(opts.templates ?? WECHAT_SIM_TEMPLATES) },
    ...(opts.pages ? { pages: opts.pages } : {}),
    consent: opts.consent ?? 'open',
    refused: new Set(),
    grants: new Map(),
    publishDefault: { polls: opts.publish?.polls ?? 1, status: opts.publish?.status ?? 0 },
    nextPublishOutcomes: [],
    seq: { msgid: 1_000_000, publish: 2_247_480_000, article: 1, image: 1 },
    now: () => Date.now(),
  };
}

export function wechatError(errcode: number, errmsg: string): SimResponse {
  // WeChat answers errors with HTTP 200 and an errcode in the body.
  return { status: 200, body: { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` } };
}

export const DEFAULT_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40007: 'invalid media_id',
  40029: 'invalid code',
  40037: 'invalid template_id',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47003: 'argument invalid!',
};

/**
 * Checks the access_token query parameter of a cgi-bin call. Returns the error
 * answer WeChat would give, or the token record when it is usable.
 */
export function checkAccessToken(ctx: WechatSimContext, req: SimRequest): SimResponse | IssuedToken {
  const token = req.query.get('access_token');
  if (!token) return wechatError(41001, 'access_token missing');
  const record = ctx.state.tokens.find((t) => t.token === token);
  if (!record || record.revoked) return wechatError(40001, DEFAULT_ERRMSG[40001]!);
  if (record.expiresAt <= ctx.now()) return wechatError(42001, DEFAULT_ERRMSG[42001]!);
  return record;
}

export function isError(x: SimResponse | IssuedToken): x is SimResponse {
  return !('token' in x && 'appid' in x);
}

export const nowIso = () => new Date().toISOString();
export const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
export const randomId = (bytes = 24) => randomBytes(bytes).toString('base64url');
