// Clients of the external platforms. Each takes a plain options object (base
// URL, credentials, timeout); the server's configuration supplies them.
export { PlatformError, isPlatformError, isTransient, type PlatformErrorKind, type PlatformName } from './errors';
export { createWechatClient, type WechatClient, type WechatClientOptions } from './wechat';
export { createWeiboClient, type WeiboClient, type WeiboClientOptions } from './weibo';
export { sendWebhook, signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from './webhook';
