// Local simulators of the external platforms, for tests. See README.md.
export { startWechatSimulator, WECHAT_SIM_APP, WECHAT_SIM_TEMPLATES, wechatSimulatorEnv } from './wechat';
export type { WechatSimulator, WechatSimOptions, WechatSimState, PublishOutcome } from './wechat';
export { startWeiboSimulator, WEIBO_SIM_TOKEN, weiboLength, WEIBO_LIMIT } from './weibo';
export type { WeiboSimulator, WeiboSimOptions, WeiboSimState, WeiboStatusRecord } from './weibo';
export { startWebhookReceiver } from './webhook';
export type { WebhookReceiver, WebhookReceiverOptions, WebhookReceiverState, WebhookDelivery } from './webhook';
export { remoteSimulator, type RemoteSimulator } from './remote';
export type { FaultRule, FaultKind } from './core/faults';
