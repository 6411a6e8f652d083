// Shapes of the sign-in endpoints (they validate input and generate /api/openapi.json).
import { z } from 'zod';

export const wechatLoginBody = z.strictObject({
  code: z.string({ error: '缺少登录凭证' }).trim().min(1, '缺少登录凭证').max(128, '登录凭证格式不正确'),
});

export const devCitizenBody = z.strictObject({
  /** Any name; the same name signs in as the same demo citizen. */
  name: z.string().trim().min(1, '请输入名字').max(20, '名字不超过20个字').optional(),
});

export const staffLoginBody = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名或密码错误'),
  // Bounded so nobody can make argon2 hash megabytes.
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '用户名或密码错误'),
});

export const refreshTokenBody = z.strictObject({
  refreshToken: z.string({ error: '缺少刷新令牌' }).min(1, '缺少刷新令牌').max(2048, '刷新令牌格式不正确'),
});

const staffRole = z.enum(['clerk', 'handler', 'reviewer', 'admin']);

export const citizenProfile = z
  .object({
    kind: z.literal('citizen'),
    id: z.string(),
    channel: z.enum(['wechat', 'dev']),
    /** Demo login only. */
    nickname: z.string().optional(),
    createdAt: z.string().describe('ISO 8601'),
  })
  .meta({ id: 'CitizenProfile' });

export const staffProfile = z
  .object({
    kind: z.literal('staff'),
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: staffRole,
    roleLabel: z.string(),
    body: z.object({ id: z.string(), name: z.string(), kind: z.enum(['government', 'department', 'township']) }),
    county: z.string(),
    countyName: z.string(),
    /** County-wide admin: sees every body of the county. */
    countyWide: z.boolean(),
  })
  .meta({ id: 'StaffProfile' });

export const meResponse = z.discriminatedUnion('kind', [citizenProfile, staffProfile]).meta({ id: 'Me' });

export const tokenResponse = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    /** Seconds until the access token expires (900). */
    expiresIn: z.number().int(),
    refreshExpiresIn: z.number().int(),
    me: meResponse,
  })
  .meta({ id: 'TokenResponse' });

export type MeResponse = z.infer<typeof meResponse>;
export type TokenResponse = z.infer<typeof tokenResponse>;
