// Weibo open-API error codes (error JSON {error, error_code, request}),
// classified once. 1xxxx are system-level, 2xxxx service-level.
import { PlatformError, type PlatformErrorKind } from '../errors';

interface ErrorRule {
  kind: PlatformErrorKind;
  transient: boolean;
  label: string;
  retryAfterMs?: number;
}

const MINUTE = 60_000;
const rateLimited = (label: string): ErrorRule => ({ kind: 'rate_limited', transient: true, label, retryAfterMs: 15 * MINUTE });
const token = (label: string): ErrorRule => ({ kind: 'auth', transient: false, label: `${label}，请重新授权微博账号` });

export const WEIBO_ERRCODES: Record<number, ErrorRule> = {
  10001: { kind: 'busy', transient: true, label: '微博系统错误' },
  10002: { kind: 'busy', transient: true, label: '微博服务暂停' },
  10003: { kind: 'busy', transient: true, label: '微博远程服务错误' },
  10009: { kind: 'busy', transient: true, label: '微博任务过多，系统繁忙' },
  10010: { kind: 'timeout', transient: true, label: '微博任务超时' },
  10011: { kind: 'busy', transient: true, label: '微博 RPC 错误' },
  10022: rateLimited('IP 请求频次超过上限'),
  10023: rateLimited('用户请求频次超过上限'),
  10024: rateLimited('用户请求该接口频次超过上限'),
  20016: rateLimited('发微博太多，请稍后再发'),
  10004: { kind: 'config', transient: false, label: 'IP 受限，不能请求该资源' },
  10005: { kind: 'config', transient: false, label: '应用需要更高级的授权' },
  10006: { kind: 'config', transient: false, label: '缺少 source（AppKey）参数' },
  10007: { kind: 'invalid_request', transient: false, label: '不支持的请求格式' },
  10008: { kind: 'invalid_request', transient: false, label: '参数错误' },
  10013: { kind: 'auth', transient: false, label: '不合法的微博用户' },
  10014: { kind: 'config', transient: false, label: '应用的接口访问权限受限' },
  10016: { kind: 'invalid_request', transient: false, label: '缺少必选参数' },
  10017: { kind: 'invalid_request', transient: false, label: '参数值非法（须含本应用安全域名下的链接，且不能含 #话题词#）' },
  10018: { kind: 'invalid_request', transient: false, label: '请求长度超过限制' },
  10020: { kind: 'config', transient: false, label: '接口不存在' },
  20005: { kind: 'invalid_request', transient: false, label: '图片类型不支持（仅 JPG、GIF、PNG）' },
  20006: { kind: 'invalid_request', transient: false, label: '图片太大（须小于 5M）' },
  20007: { kind: 'invalid_request', transient: false, label: '图片须以 multipart 上传' },
  20008: { kind: 'invalid_request', transient: false, label: '内容为空' },
  20012: { kind: 'invalid_request', transient: false, label: '内容超过 140 字' },
  20017: { kind: 'duplicate', transient: false, label: '刚刚已发送过相似内容' },
  20019: { kind: 'duplicate', transient: false, label: '重复内容，微博上已有这条' },
  20021: { kind: 'content_rejected', transient: false, label: '内容含有违规信息' },
  20111: { kind: 'duplicate', transient: false, label: '不能发布相同的微博' },
  21301: token('微博认证失败'),
  21314: token('微博授权令牌已被使用'),
  21315: token('微博授权令牌已过期'),
  21316: token('微博授权令牌已被撤销'),
  21317: token('微博授权令牌不合法'),
  21327: token('微博授权已过期'),
  21332: token('微博授权令牌无效'),
};

/** Token errors: the client re-reads the account's token once before reporting them. */
export const WEIBO_TOKEN_ERRORS = new Set([21301, 21314, 21315, 21316, 21317, 21327, 21332]);

export function weiboError(code: number, error: string | undefined, endpoint: string, retryAfterMs?: number): PlatformError {
  const rule = WEIBO_ERRCODES[code];
  const after = retryAfterMs ?? rule?.retryAfterMs;
  return new PlatformError({
    platform: 'weibo',
    code,
    kind: rule?.kind ?? 'unknown',
    transient: rule?.transient ?? false,
    endpoint,
    message: `微博接口 ${endpoint} 返回 ${code}：${rule?.label ?? '未知错误'}`,
    ...(error !== undefined ? { platformMessage: error } : {}),
    ...(after !== undefined ? { retryAfterMs: after } : {}),
  });
}
