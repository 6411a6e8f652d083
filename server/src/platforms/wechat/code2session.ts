// code2Session: exchanges the code from wx.login for the user's openid.
// The session_key it returns is a secret of the user's session: never log it,
// never send it to the mini-program.
import { PlatformError } from '../errors';
import type { ResolvedWechatOptions } from './options';
import { callWechat } from './request';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export async function code2Session(opts: ResolvedWechatOptions, code: string): Promise<WechatSession> {
  if (typeof code !== 'string' || code.trim() === '') {
    throw new PlatformError({ platform: 'wechat', code: 41008, kind: 'invalid_request', transient: false, endpoint: '/sns/jscode2session', message: '缺少登录凭证 code' });
  }
  const body = await callWechat<{ openid?: string; session_key?: string; unionid?: string }>(opts, {
    method: 'GET',
    path: '/sns/jscode2session',
    query: { appid: opts.appId, secret: opts.appSecret, js_code: code, grant_type: 'authorization_code' },
  });
  if (!body.openid || !body.session_key) {
    throw new PlatformError({ platform: 'wechat', code: 'BAD_RESPONSE', kind: 'server_error', transient: true, endpoint: '/sns/jscode2session', message: '微信登录接口返回的内容缺少 openid' });
  }
  return { openid: body.openid, sessionKey: body.session_key, ...(body.unionid ? { unionid: body.unionid } : {}) };
}
