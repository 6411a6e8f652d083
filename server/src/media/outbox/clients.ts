// Platform clients per account, kept for the life of the worker so the WeChat access token
// is fetched once and shared by every delivery of that account (clients cache it and refresh
// it on 40001/42001). A change of credentials gives a new client.
import { createHash } from 'node:crypto';
import { createWechatClient, createWeiboClient, type WechatClient, type WeiboClient } from '../../platforms';
import { openCredentials } from '../credentials';
import { MediaAccount } from '../models/account';
import type { MediaSettings } from '../settings';

const wechat = new Map<string, WechatClient>();

export function wechatClientFor(accountId: string, creds: Record<string, string>, settings: MediaSettings): WechatClient {
  const key = `${accountId}:${fingerprint(settings.wechatApiBase, creds.appId, creds.appSecret)}`;
  let client = wechat.get(key);
  if (!client) {
    // stable_token: every instance gets the same token, so several workers do not retire each other's.
    client = createWechatClient({ baseUrl: settings.wechatApiBase, appId: creds.appId ?? '', appSecret: creds.appSecret ?? '', timeoutMs: settings.platformTimeoutMs, tokenMode: 'stable' });
    wechat.set(key, client);
  }
  return client;
}

/** Weibo tokens come from the account's OAuth authorisation; read the current one on a token error (staff may have re-authorised). */
export function weiboClientFor(accountId: string, creds: Record<string, string>, settings: MediaSettings): WeiboClient {
  let first = true;
  return createWeiboClient({
    baseUrl: settings.weiboApiBase,
    timeoutMs: settings.platformTimeoutMs,
    accessToken: async () => {
      if (first) {
        first = false;
        return creds.accessToken ?? '';
      }
      const account = await MediaAccount.findById(accountId, { credentials: 1 }).lean();
      return openCredentials(account?.credentials)?.accessToken ?? '';
    },
  });
}

function fingerprint(...parts: Array<string | undefined>): string {
  return createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex').slice(0, 16);
}
