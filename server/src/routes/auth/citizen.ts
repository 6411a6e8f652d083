// Citizen sign-in: WeChat (code2Session) and, in demo mode only, the development login of
// the H5 build. Both end in one upsert by `_id` (models/citizen.ts citizenId) and a token pair.
import { isPlatformError, type WechatClient } from '../../platforms';
import type { Logger } from '../../log';
import { AppError, badRequest, tooMany, unavailable } from '../../errors';
import { Citizen, citizenId, type CitizenChannel } from '../../models/citizen';
import type { CitizenActor } from '../../auth/actor';
import { markCitizenListComplete } from '../../storage/citizen-index';
import { upsertRacing } from '../../db/duplicate';

/** Creates the citizen on first sign-in; records the sign-in time. Returns the actor. */
export async function upsertCitizen(channel: CitizenChannel, subject: string, fields: { openid?: string; nickname?: string }): Promise<CitizenActor> {
  const id = citizenId(channel, subject);
  // Two first sign-ins at once: the losing insert is an update on retry.
  const res = await upsertRacing(() => Citizen.updateOne({ _id: id }, { $setOnInsert: { channel, ...fields }, $set: { lastLoginAt: new Date() } }, { upsert: true }));
  // A new account has filed nothing: its "my requests" list never needs a scan.
  if (res.upsertedCount === 1) await markCitizenListComplete(id);
  return { kind: 'citizen', citizenId: id };
}

const INVALID_CODE = [40029, 40163, 41008];

/** WeChat's answer → the error the mini-program shows. */
export function wechatLoginError(err: unknown, log: Logger): unknown {
  if (!isPlatformError(err)) return err;
  if (typeof err.code === 'number' && INVALID_CODE.includes(err.code)) return badRequest('登录凭证无效，请重新进入小程序', 'INVALID_LOGIN_CODE');
  if (err.kind === 'rate_limited') return tooMany('登录请求过于频繁，请稍后再试', 'WECHAT_RATE_LIMITED');
  if (err.kind === 'refused') return new AppError(403, 'WECHAT_LOGIN_REFUSED', '微信未允许本次登录，请稍后再试');
  if (err.transient) {
    log.warn({ platform: err.platform, code: err.code, kind: err.kind }, 'wechat code2Session unavailable');
    return unavailable('微信服务繁忙，请稍后再试', 'WECHAT_UNAVAILABLE');
  }
  // Our configuration (AppID/secret, IP whitelist): staff must act; the citizen can only wait.
  log.error({ platform: err.platform, code: err.code, kind: err.kind, detail: err.message }, 'wechat code2Session refused our credentials');
  return unavailable('微信登录暂时不可用，请稍后再试', 'WECHAT_LOGIN_UNAVAILABLE');
}

export async function wechatSignIn(client: WechatClient | undefined, code: string, log: Logger): Promise<CitizenActor> {
  if (!client) throw unavailable('微信登录暂未开通', 'WECHAT_NOT_CONFIGURED');
  let openid: string;
  try {
    // The session_key is not needed (we decrypt nothing from WeChat): it is dropped here,
    // never stored, logged or sent to the app.
    ({ openid } = await client.code2Session(code));
  } catch (err) {
    throw wechatLoginError(err, log);
  }
  return upsertCitizen('wechat', openid, { openid });
}
