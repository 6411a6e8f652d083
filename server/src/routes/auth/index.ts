// Sign-in, token refresh, logout and "who am I".
//   POST /api/auth/wechat       {code}            citizen via WeChat code2Session
//   POST /api/auth/dev-citizen  {name?}           citizen, demo mode only (H5 development login)
//   POST /api/auth/staff        {username, password}
//   POST /api/auth/refresh      {refreshToken}    rotation; reuse revokes the family
//   POST /api/auth/logout       {refreshToken}    revokes the family (204, also for unknown tokens)
//   GET  /api/me
// Sign-in answers carry the token pair and the profile (tokenResponse). Sign-in endpoints are
// rate limited per client IP (RATE_LIMIT_SIGNIN).
import Router from '@koa/router';
import { devCitizenBodySchema, meResponseSchema, refreshTokenBodySchema, staffLoginBodySchema, tokenResponseSchema, wechatLoginBodySchema, type TokenResponse } from '@zwgk/shared';
import type { Context } from 'koa';
import { audit } from '../../audit';
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { issueTokens, revokeRefreshToken, rotateRefreshToken } from '../../auth/refreshTokens';
import { warmUpPasswordCheck } from '../../auth/passwords';
import { AppError } from '../../errors';
import { clientIp, rateLimit } from '../../middleware/rateLimit';
import { defineRoute } from '../../openapi/defineRoute';
import { createWechatClient } from '../../platforms';
import type { RouteFactory } from '../types';
import { upsertCitizen, wechatSignIn } from './citizen';
import { profileOf } from './profile';
import { staffSignIn } from './staff';

const DEV_CITIZEN_DEFAULT_NAME = '演示用户';

export const authRoutes: RouteFactory = ({ config }) => {
  const router = new Router();
  const secret = config.jwtSecret;
  const wechat =
    config.wechatAppId && config.wechatSecret
      ? createWechatClient({ baseUrl: config.wechatApiBase, appId: config.wechatAppId, appSecret: config.wechatSecret, timeoutMs: 5000 })
      : undefined;
  const signinLimit = rateLimit({ name: 'signin', rule: config.rateLimits.signin, key: clientIp, message: '登录尝试过于频繁，请稍后再试' });
  warmUpPasswordCheck();

  const signedIn = async (ctx: Context, actor: CitizenActor | StaffActor): Promise<TokenResponse> => {
    ctx.state.actor = actor;
    ctx.set('Cache-Control', 'no-store');
    const { jti: _jti, ...tokens } = await issueTokens(secret, actor);
    return { ...tokens, me: await profileOf(actor) };
  };

  defineRoute(router, {
    method: 'post',
    path: '/api/auth/wechat',
    summary: '申请人微信登录（wx.login 的 code 换取令牌）',
    tags: ['auth'],
    auth: 'public',
    body: wechatLoginBodySchema,
    response: tokenResponseSchema,
    errors: [403, 503],
    middleware: [signinLimit],
    handler: async (ctx, { body }) => {
      const actor = await wechatSignIn(wechat, body.code, ctx.state.log);
      const answer = await signedIn(ctx, actor);
      await audit(ctx, 'auth.citizen_login', { channel: 'wechat' });
      return answer;
    },
  });

  // The development citizen login exists only in demo mode: without it the route is not
  // even registered (404), so no production server can be entered without WeChat.
  if (config.demoMode) {
    defineRoute(router, {
      method: 'post',
      path: '/api/auth/dev-citizen',
      summary: '演示模式：申请人免微信登录（H5 开发版）',
      description: '仅在 DEMO_MODE 开启时存在。同一名字登录为同一演示申请人。',
      tags: ['auth'],
      auth: 'public',
      body: devCitizenBodySchema,
      response: tokenResponseSchema,
      middleware: [signinLimit],
      handler: async (ctx, { body }) => {
        const name = body.name ?? DEV_CITIZEN_DEFAULT_NAME;
        const actor = await upsertCitizen('dev', name, { nickname: name });
        const answer = await signedIn(ctx, actor);
        await audit(ctx, 'auth.citizen_login', { channel: 'dev' });
        return answer;
      },
    });
  }

  defineRoute(router, {
    method: 'post',
    path: '/api/auth/staff',
    summary: '工作人员账号密码登录',
    description: '连续5次失败后锁定15分钟（429 ACCOUNT_LOCKED）；用户名不存在与密码错误的回答相同。',
    tags: ['auth'],
    auth: 'public',
    body: staffLoginBodySchema,
    response: tokenResponseSchema,
    middleware: [signinLimit],
    handler: async (ctx, { body }) => signedIn(ctx, await staffSignIn(ctx, body.username, body.password)),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/auth/refresh',
    summary: '用刷新令牌换取新的令牌（每个刷新令牌只能用一次）',
    description: '重复使用已用过的刷新令牌会使该登录的全部令牌失效（401 REFRESH_REUSED）。',
    tags: ['auth'],
    auth: 'public',
    body: refreshTokenBodySchema,
    response: tokenResponseSchema,
    handler: async (ctx, { body }) => {
      const result = await rotateRefreshToken(secret, body.refreshToken);
      if (!result.ok) {
        if (result.failure === 'reused') {
          ctx.state.log.warn({ family: result.family, subject: result.subject }, 'refresh token reused: family revoked');
          await audit(ctx, 'auth.refresh_reuse', { family: result.family, subject: result.subject });
          throw new AppError(401, 'REFRESH_REUSED', '登录状态异常，为保护账号安全请重新登录');
        }
        throw new AppError(401, 'REFRESH_INVALID', '登录已失效，请重新登录');
      }
      ctx.state.actor = result.actor;
      ctx.set('Cache-Control', 'no-store');
      return { ...result.tokens, me: await profileOf(result.actor) };
    },
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/auth/logout',
    summary: '退出登录（使刷新令牌失效）',
    tags: ['auth'],
    auth: 'public',
    body: refreshTokenBodySchema,
    status: 204,
    handler: async (ctx, { body }) => {
      const revoked = await revokeRefreshToken(secret, body.refreshToken);
      if (revoked) await audit(ctx, 'auth.logout', { subject: revoked.subject });
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/me',
    summary: '当前登录者（申请人或工作人员）',
    tags: ['auth'],
    auth: 'signedIn',
    response: meResponseSchema,
    handler: (ctx, { actor }) => {
      ctx.set('Cache-Control', 'no-store');
      return profileOf(actor);
    },
  });

  return router;
};
