// POST /cgi-bin/message/subscribe/send — subscribeMessage.send.
import type { Handler } from '../core/server';
import { checkAccessToken, isError, nowIso, wechatError, DEFAULT_ERRMSG, type WechatSimContext } from './context';
import { isValidKeywordValue, keywordType } from './value-rules';

interface SendBody {
  touser?: unknown;
  template_id?: unknown;
  page?: unknown;
  data?: unknown;
  miniprogram_state?: unknown;
  lang?: unknown;
}

export const consentKey = (openid: string, templateId: string) => `${openid}|${templateId}`;

export function subscribeRoutes(ctx: WechatSimContext): Record<string, Handler> {
  return {
    'POST /cgi-bin/message/subscribe/send': (req) => {
      const token = checkAccessToken(ctx, req);
      if (isError(token)) return token;
      const body = req.json<SendBody>();
      if (!body || typeof body !== 'object') return wechatError(47001, 'data format error');

      const touser = typeof body.touser === 'string' ? body.touser : '';
      if (!/^[A-Za-z0-9_-]{6,64}$/.test(touser) || !(ctx.anyOpenid || ctx.knownOpenids.has(touser))) {
        return wechatError(40003, DEFAULT_ERRMSG[40003]!);
      }
      const templateId = typeof body.template_id === 'string' ? body.template_id : '';
      const keys = ctx.templates[templateId];
      if (!keys) return wechatError(40037, DEFAULT_ERRMSG[40037]!);

      const page = typeof body.page === 'string' ? body.page : undefined;
      if (page !== undefined && ctx.pages && !ctx.pages.includes(page.split('?')[0]!)) return wechatError(41030, 'invalid page');

      const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
      const values: Record<string, string> = {};
      for (const key of keys) {
        const entry = data[key];
        const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined;
        const text = typeof value === 'number' ? String(value) : value;
        if (typeof text !== 'string' || !isValidKeywordValue(keywordType(key) ?? key, text)) {
          return wechatError(47003, `argument invalid! data.${key}.value invalid`);
        }
        values[key] = text;
      }

      // Consent: a refusal (or, in 'grants' mode, no grant left) → 43101.
      const consent = consentKey(touser, templateId);
      if (ctx.refused.has(consent)) return wechatError(43101, DEFAULT_ERRMSG[43101]!);
      if (ctx.consent === 'grants') {
        const left = ctx.grants.get(consent) ?? 0;
        if (left <= 0) return wechatError(43101, DEFAULT_ERRMSG[43101]!);
        ctx.grants.set(consent, left - 1);
      }

      const msgid = ctx.seq.msgid++;
      ctx.state.subscribeMessages.push({
        msgid,
        touser,
        templateId,
        ...(page !== undefined ? { page } : {}),
        ...(typeof body.miniprogram_state === 'string' ? { miniprogramState: body.miniprogram_state } : {}),
        ...(typeof body.lang === 'string' ? { lang: body.lang } : {}),
        data: values,
        at: nowIso(),
      });
      return { body: { errcode: 0, errmsg: 'ok', msgid } };
    },
  };
}
