// WeChat errcodes we can meet, each classified once: transient (try again
// later) or permanent (a person must act), with a label staff can read.
// Sources: the documentation of code2Session, getAccessToken/stable_token,
// subscribeMessage.send, material/add_material, media/uploadimg, draft/add,
// freepublish/submit and freepublish/get, and the global return codes.
import { PlatformError, type PlatformErrorKind } from '../errors';

interface ErrcodeRule {
  kind: PlatformErrorKind;
  transient: boolean;
  label: string;
  retryAfterMs?: number;
}

const MINUTE = 60_000;

export const WECHAT_ERRCODES: Record<number, ErrcodeRule> = {
  [-1]: { kind: 'busy', transient: true, label: '微信系统繁忙', retryAfterMs: 1000 },
  // access token
  40001: { kind: 'token', transient: true, label: '接口调用凭证（access_token）无效或不是最新' },
  40014: { kind: 'token', transient: true, label: '接口调用凭证（access_token）不合法' },
  42001: { kind: 'token', transient: true, label: '接口调用凭证（access_token）已过期' },
  41001: { kind: 'invalid_request', transient: false, label: '缺少接口调用凭证（access_token）' },
  // credentials and configuration
  40002: { kind: 'config', transient: false, label: 'grant_type 不正确' },
  40013: { kind: 'config', transient: false, label: 'AppID 无效' },
  40125: { kind: 'auth', transient: false, label: 'AppSecret 无效' },
  40164: { kind: 'config', transient: false, label: '调用接口的 IP 不在白名单中' },
  41002: { kind: 'config', transient: false, label: '缺少 AppID' },
  41004: { kind: 'config', transient: false, label: '缺少 AppSecret' },
  48001: { kind: 'config', transient: false, label: '接口未获授权' },
  // quotas
  45009: { kind: 'rate_limited', transient: true, label: '接口当日调用次数已达上限', retryAfterMs: 60 * MINUTE },
  45011: { kind: 'rate_limited', transient: true, label: '接口调用太频繁，请稍后再试', retryAfterMs: MINUTE },
  // code2Session
  40029: { kind: 'invalid_request', transient: false, label: '登录凭证 code 无效' },
  40163: { kind: 'invalid_request', transient: false, label: '登录凭证 code 已被使用' },
  40226: { kind: 'refused', transient: false, label: '高风险等级用户，微信已拦截登录' },
  41008: { kind: 'invalid_request', transient: false, label: '缺少登录凭证 code' },
  // subscribe messages
  40003: { kind: 'invalid_request', transient: false, label: '接收者 openid 为空或不正确' },
  40037: { kind: 'config', transient: false, label: '订阅消息模板 ID 不正确' },
  41030: { kind: 'config', transient: false, label: '跳转页面 page 不正确' },
  43101: { kind: 'refused', transient: false, label: '用户拒绝接收该订阅消息（或已取消订阅）' },
  47003: { kind: 'invalid_request', transient: false, label: '订阅消息参数不符合规则' },
  47001: { kind: 'invalid_request', transient: false, label: '请求数据格式错误' },
  // material and drafts
  40004: { kind: 'invalid_request', transient: false, label: '素材类型不正确' },
  40005: { kind: 'invalid_request', transient: false, label: '文件类型不正确' },
  40006: { kind: 'invalid_request', transient: false, label: '文件大小超出限制' },
  40007: { kind: 'invalid_request', transient: false, label: 'media_id 无效（草稿不存在或已发布）' },
  41005: { kind: 'invalid_request', transient: false, label: '缺少素材文件' },
  44003: { kind: 'content_rejected', transient: false, label: '图文内容为空' },
  44004: { kind: 'content_rejected', transient: false, label: '正文为空' },
  45002: { kind: 'content_rejected', transient: false, label: '正文超出长度限制' },
  45003: { kind: 'content_rejected', transient: false, label: '标题超出长度限制' },
  45004: { kind: 'content_rejected', transient: false, label: '摘要超出长度限制' },
  45110: { kind: 'content_rejected', transient: false, label: '作者超出长度限制' },
  45166: { kind: 'content_rejected', transient: false, label: '内容不合规' },
  // free publishing
  53503: { kind: 'content_rejected', transient: false, label: '草稿未通过发布检查' },
  53504: { kind: 'config', transient: false, label: '需前往公众平台官网使用该草稿' },
  53505: { kind: 'config', transient: false, label: '需在公众平台官网手动保存后再发表' },
};

/**
 * The PlatformError for an errcode answer. On the token endpoints 40001 means
 * a wrong AppSecret, not a stale token, so it is permanent there.
 */
export function wechatErrcodeError(errcode: number, errmsg: string | undefined, endpoint: string, opts: { tokenEndpoint?: boolean } = {}): PlatformError {
  const rule: ErrcodeRule | undefined =
    opts.tokenEndpoint && errcode === 40001
      ? { kind: 'auth', transient: false, label: 'AppSecret 错误或不属于该 AppID' }
      : WECHAT_ERRCODES[errcode];
  const label = rule?.label ?? '未知错误';
  return new PlatformError({
    platform: 'wechat',
    code: errcode,
    kind: rule?.kind ?? 'unknown',
    // An errcode we do not know is treated as permanent: retrying blindly could repeat a side effect forever.
    transient: rule?.transient ?? false,
    endpoint,
    message: `微信接口 ${endpoint} 返回 ${errcode}：${label}`,
    ...(errmsg !== undefined ? { platformMessage: errmsg } : {}),
    ...(rule?.retryAfterMs !== undefined ? { retryAfterMs: rule.retryAfterMs } : {}),
  });
}

/** publish_status of freepublish/get, as staff should read it. */
export const PUBLISH_STATUS_LABEL: Record<number, string> = {
  0: '发布成功',
  1: '发布中',
  2: '原创声明失败',
  3: '常规失败',
  4: '平台审核不通过',
  5: '发布成功后用户删除了所有文章',
  6: '发布成功后所有文章被系统封禁',
};
