// The WeChat simulator: a real HTTP server speaking the documented endpoints of
// api.weixin.qq.com that the server uses (mini-program sign-in and subscribe
// messages, official-account publishing). See ../README.md for the switches.
import type { FaultController } from '../core/faults';
import { startSimServer, type Handler } from '../core/server';
import { authRoutes, expireTokens, invalidateTokens } from './auth-routes';
import { createContext, wechatError, DEFAULT_ERRMSG, type PublishOutcome, type WechatSimOptions } from './context';
import { emptyWechatState, type WechatSimState } from './state';
import { consentKey, subscribeRoutes } from './subscribe-route';
import { publishRoutes } from './publish-routes';

export { WECHAT_SIM_APP, WECHAT_SIM_TEMPLATES, wechatSimulatorEnv, type WechatSimOptions, type PublishOutcome } from './context';
export type * from './state';

export interface WechatSimulator {
  url: string;
  readonly state: WechatSimState;
  faults: FaultController;
  close(): Promise<void>;
  /** live tokens expire now: the next call using one gets 42001 */
  expireTokens(appid?: string): number;
  /** live tokens are revoked: the next call using one gets 40001 */
  invalidateTokens(appid?: string): number;
  /** the user refused (or cancelled) this template: sends get 43101 */
  refuse(openid: string, templateId: string): void;
  allow(openid: string, templateId: string): void;
  /** 'grants' consent mode: the user accepted `count` more messages of this template */
  grant(openid: string, templateId: string, count?: number): void;
  addCode(code: string, openid: string): void;
  addOpenid(openid: string): void;
  addTemplate(templateId: string, keys: string[]): void;
  /** outcomes for the next freepublish/submit calls, in order */
  queuePublishOutcomes(...outcomes: PublishOutcome[]): void;
  setPublishDefault(outcome: PublishOutcome): void;
}

export async function startWechatSimulator(opts: WechatSimOptions = {}): Promise<WechatSimulator> {
  const ctx = createContext(opts);

  const controls = {
    expireTokens: (appid?: string) => expireTokens(ctx, appid),
    invalidateTokens: (appid?: string) => invalidateTokens(ctx, appid),
    refuse: (openid: string, templateId: string) => void ctx.refused.add(consentKey(openid, templateId)),
    allow: (openid: string, templateId: string) => void ctx.refused.delete(consentKey(openid, templateId)),
    grant: (openid: string, templateId: string, count = 1) => {
      const key = consentKey(openid, templateId);
      ctx.grants.set(key, (ctx.grants.get(key) ?? 0) + count);
    },
    addCode: (code: string, openid: string) => void (ctx.codes[code] = openid),
    addOpenid: (openid: string) => void ctx.knownOpenids.add(openid),
    addTemplate: (templateId: string, keys: string[]) => void (ctx.templates[templateId] = keys),
    queuePublishOutcomes: (...outcomes: PublishOutcome[]) => void ctx.nextPublishOutcomes.push(...outcomes),
    setPublishDefault: (o: PublishOutcome) => void (ctx.publishDefault = { polls: o.polls ?? ctx.publishDefault.polls, status: o.status }),
  };

  const httpControls: Record<string, Handler> = {
    'POST /__sim/wechat/tokens': (req) => {
      const b = req.json<{ action?: string; appid?: string }>() ?? {};
      if (b.action === 'expire') return { body: { affected: controls.expireTokens(b.appid) } };
      if (b.action === 'invalidate') return { body: { affected: controls.invalidateTokens(b.appid) } };
      throw new Error("action must be 'expire' or 'invalidate'");
    },
    'POST /__sim/wechat/consent': (req) => {
      const b = req.json<{ openid?: string; templateId?: string; refused?: boolean; grant?: number }>() ?? {};
      if (!b.openid || !b.templateId) throw new Error('openid and templateId are required');
      if (b.refused === true) controls.refuse(b.openid, b.templateId);
      if (b.refused === false) controls.allow(b.openid, b.templateId);
      if (typeof b.grant === 'number') controls.grant(b.openid, b.templateId, b.grant);
      return { body: { ok: true } };
    },
    'POST /__sim/wechat/codes': (req) => {
      const b = req.json<{ code?: string; openid?: string }>() ?? {};
      if (!b.code || !b.openid) throw new Error('code and openid are required');
      controls.addCode(b.code, b.openid);
      return { body: { ok: true } };
    },
    'POST /__sim/wechat/openids': (req) => {
      const b = req.json<{ openid?: string }>() ?? {};
      if (!b.openid) throw new Error('openid is required');
      controls.addOpenid(b.openid);
      return { body: { ok: true } };
    },
    'POST /__sim/wechat/templates': (req) => {
      const b = req.json<{ id?: string; keys?: string[] }>() ?? {};
      if (!b.id || !Array.isArray(b.keys)) throw new Error('id and keys[] are required');
      controls.addTemplate(b.id, b.keys);
      return { body: { ok: true } };
    },
    'POST /__sim/wechat/publish-outcomes': (req) => {
      const b = req.json<{ queue?: PublishOutcome[]; default?: PublishOutcome }>() ?? {};
      if (b.queue) controls.queuePublishOutcomes(...b.queue);
      if (b.default) controls.setPublishDefault(b.default);
      return { body: { queued: ctx.nextPublishOutcomes.length, default: ctx.publishDefault } };
    },
  };

  const server = await startSimServer({
    name: 'wechat',
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    routes: { ...authRoutes(ctx), ...subscribeRoutes(ctx), ...publishRoutes(ctx) },
    controls: httpControls,
    errorResponse: (code, message) => wechatError(code, message ?? DEFAULT_ERRMSG[code] ?? 'simulated error'),
    busyCode: -1,
    getState: () => ctx.state,
    reset: () => {
      Object.assign(ctx.state, emptyWechatState());
      ctx.usedCodes.clear();
      ctx.refused.clear();
      ctx.grants.clear();
      ctx.nextPublishOutcomes.length = 0;
    },
    countCall: (path) => void (ctx.state.calls[path] = (ctx.state.calls[path] ?? 0) + 1),
  });

  return {
    url: server.url,
    get state() {
      return ctx.state;
    },
    faults: server.faults,
    close: server.close,
    ...controls,
  };
}
