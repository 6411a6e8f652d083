// subscribeMessage.send. Each message a citizen accepted in the mini-program
// (wx.requestSubscribeMessage) allows one send; the caller records and
// consumes that consent — this module only delivers.
import type { AccessTokenProvider } from './access-token';
import type { ResolvedWechatOptions } from './options';
import { callWechat } from './request';
import { fitSubscribeData, type KeywordInput } from './subscribe-fields';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** mini-program page opened from the card, e.g. 'pages/request/index?id=…' */
  page?: string;
  /** keyword → value, e.g. { thing2: '政府信息公开申请', date4: '2026-03-05' } */
  data: Record<string, KeywordInput>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
  /** fit values to their keyword rules first (default true) */
  fit?: boolean;
}

export async function sendSubscribeMessage(opts: ResolvedWechatOptions, tokens: AccessTokenProvider, msg: SubscribeMessage): Promise<{ msgid?: number }> {
  const data = msg.fit === false ? Object.fromEntries(Object.entries(msg.data).map(([k, v]) => [k, { value: String(v) }])) : fitSubscribeData(msg.data);
  const body = {
    touser: msg.touser,
    template_id: msg.templateId,
    ...(msg.page !== undefined ? { page: msg.page } : {}),
    data,
    ...(msg.miniprogramState ? { miniprogram_state: msg.miniprogramState } : {}),
    lang: msg.lang ?? 'zh_CN',
  };
  const answer = await tokens.withToken((token) =>
    callWechat<{ msgid?: number }>(opts, { method: 'POST', path: '/cgi-bin/message/subscribe/send', query: { access_token: token }, json: body }),
  );
  return typeof answer.msgid === 'number' ? { msgid: answer.msgid } : {};
}
