// Sign-in endpoints (/api/auth/…) and GET /api/me: what the app sends to sign in and the tokens and
// profile it gets back.
import { z } from 'zod';
import { bodyKinds } from './body-kinds';

/** POST /api/auth/wechat — the wx.login code. */
export const wechatLoginBodySchema = z.strictObject({
  code: z.string({ error: '缺少登录凭证' }).trim().min(1, '缺少登录凭证').max(128, '登录凭证格式不正确'),
});

/** POST /api/auth/dev-citizen (demo mode only). */
export const devCitizenBodySchema = z.strictObject({
  /** Any name; the same name signs in as the same demo citizen. */
  name: z.string().trim().min(1, '请输入名字').max(20, '名字不超过20个字').optional(),
});

/** POST /api/auth/staff */
export const staffLoginBodySchema = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(64, '用户名或密码错误'),
  // Bounded so nobody can make argon2 hash megabytes.
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '用户名或密码错误'),
});

/** POST /api/auth/refresh and /api/auth/logout */
export const refreshTokenBodySchema = z.strictObject({
  refreshToken: z.string({ error: '缺少刷新令牌' }).min(1, '缺少刷新令牌').max(2048, '刷新令牌格式不正确'),
});

export const staffRoleSchema = z.enum(['clerk', 'handler', 'reviewer', 'admin']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const citizenProfileSchema = z
  .object({
    kind: z.literal('citizen'),
    id: z.string(),
    channel: z.enum(['wechat', 'dev']),
    /** Demo login only. */
    nickname: z.string().optional(),
    createdAt: z.string().describe('ISO 8601'),
  })
  .meta({ id: 'CitizenProfile' });
export type CitizenProfile = z.infer<typeof citizenProfileSchema>;

export const staffProfileSchema = z
  .object({
    kind: z.literal('staff'),
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    roleLabel: z.string(),
    body: z.object({ id: z.string(), name: z.string(), kind: z.enum(bodyKinds) }),
    county: z.string(),
    countyName: z.string(),
    /** County-wide admin: sees every body of the county. */
    countyWide: z.boolean(),
  })
  .meta({ id: 'StaffProfile' });
export type StaffProfile = z.infer<typeof staffProfileSchema>;

/** GET /api/me */
export const meResponseSchema = z.discriminatedUnion('kind', [citizenProfileSchema, staffProfileSchema]).meta({ id: 'Me' });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** Answer of every sign-in endpoint and of the refresh. */
export const tokenResponseSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    /** Seconds until the access token expires (900). */
    expiresIn: z.number().int(),
    refreshExpiresIn: z.number().int(),
    me: meResponseSchema,
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
