// API credentials of an account (WeChat AppID/AppSecret, the Weibo OAuth token, a webhook
// URL and secret) are stored as one AES-256-GCM blob (server/src/pii.ts) and only decrypted
// by the outbox worker. Staff views show which fields are set, never the values.
import type { AccountPlatform } from '@zwgk/shared';
import { z } from 'zod';
import { decryptPii, encryptPii } from '../pii';

export const wechatCredentials = z.strictObject({ appId: z.string().min(1).max(64), appSecret: z.string().min(1).max(128) });
export const weiboCredentials = z.strictObject({ accessToken: z.string().min(1).max(512) });
export const webhookCredentials = z.strictObject({ webhookUrl: z.url({ protocol: /^https?$/ }), webhookSecret: z.string().min(8).max(256) });

export type WechatCredentials = z.infer<typeof wechatCredentials>;
export type WeiboCredentials = z.infer<typeof weiboCredentials>;
export type WebhookCredentials = z.infer<typeof webhookCredentials>;
export type AccountCredentials = WechatCredentials | WeiboCredentials | WebhookCredentials;

/** Which credentials an account of `platform` takes (every other platform is reached by a signed webhook). */
export function credentialsSchema(platform: AccountPlatform): z.ZodType<AccountCredentials> {
  if (platform === 'wechat_oa') return wechatCredentials;
  if (platform === 'weibo') return weiboCredentials;
  return webhookCredentials;
}

export function sealCredentials(platform: AccountPlatform, input: unknown): string {
  const parsed = credentialsSchema(platform).parse(input);
  return encryptPii(JSON.stringify(parsed));
}

export function openCredentials(sealed: string | undefined): Record<string, string> | undefined {
  if (!sealed) return undefined;
  return JSON.parse(decryptPii(sealed)) as Record<string, string>;
}

/** For staff: which fields are set (e.g. { appId: 'wx12…89', appSecret: '已设置' }), no secrets. */
export function describeCredentials(sealed: string | undefined): Record<string, string> | null {
  const open = openCredentials(sealed);
  if (!open) return null;
  return Object.fromEntries(
    Object.entries(open).map(([k, v]) => [k, k === 'appId' || k === 'webhookUrl' ? maskId(v) : '已设置']),
  );
}

function maskId(v: string): string {
  if (v.startsWith('http')) {
    try {
      const u = new URL(v);
      return `${u.origin}/…`;
    } catch {
      return '已设置';
    }
  }
  return v.length <= 6 ? '已设置' : `${v.slice(0, 4)}…${v.slice(-2)}`;
}
