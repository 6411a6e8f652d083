// A WeChat client for one AppID (the mini-program, or one official account):
// its own token cache, sign-in, subscribe messages and publishing steps.
import { AccessTokenProvider } from './access-token';
import { code2Session, type WechatSession } from './code2session';
import {
  addDraft,
  getPublishStatus,
  listPublished,
  pollPublishStatus,
  submitPublish,
  uploadImage,
  uploadThumb,
  type DraftArticle,
  type ImageFile,
  type PollOptions,
  type PublishedArticle,
  type PublishStatus,
} from './official-account';
import { resolveWechatOptions, type WechatClientOptions } from './options';
import { sendSubscribeMessage, type SubscribeMessage } from './subscribe-message';

export interface WechatClient {
  accessToken: AccessTokenProvider;
  code2Session(code: string): Promise<WechatSession>;
  sendSubscribeMessage(msg: SubscribeMessage): Promise<{ msgid?: number }>;
  uploadThumb(file: ImageFile): Promise<{ mediaId: string; url?: string }>;
  uploadImage(file: ImageFile): Promise<{ url: string }>;
  addDraft(articles: DraftArticle[]): Promise<{ mediaId: string }>;
  submitPublish(mediaId: string): Promise<{ publishId: string; msgDataId?: string }>;
  getPublishStatus(publishId: string): Promise<PublishStatus>;
  pollPublishStatus(publishId: string, o?: PollOptions): Promise<PublishStatus>;
  listPublished(o?: { offset?: number; count?: number; noContent?: boolean }): Promise<{ totalCount: number; articles: PublishedArticle[] }>;
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const opts = resolveWechatOptions(options);
  const tokens = new AccessTokenProvider(opts);
  const ctx = { opts, tokens };
  return {
    accessToken: tokens,
    code2Session: (code) => code2Session(opts, code),
    sendSubscribeMessage: (msg) => sendSubscribeMessage(opts, tokens, msg),
    uploadThumb: (file) => uploadThumb(ctx, file),
    uploadImage: (file) => uploadImage(ctx, file),
    addDraft: (articles) => addDraft(ctx, articles),
    submitPublish: (mediaId) => submitPublish(ctx, mediaId),
    getPublishStatus: (publishId) => getPublishStatus(ctx, publishId),
    pollPublishStatus: (publishId, o) => pollPublishStatus(ctx, publishId, o),
    listPublished: (o) => listPublished(ctx, o),
  };
}

export { AccessTokenProvider } from './access-token';
export type { WechatClientOptions } from './options';
export type { WechatSession } from './code2session';
export type { SubscribeMessage } from './subscribe-message';
export type { DraftArticle, ImageFile, PollOptions, PublishedArticle, PublishState, PublishStatus } from './official-account';
export * from './subscribe-fields';
export { WECHAT_ERRCODES, PUBLISH_STATUS_LABEL, wechatErrcodeError } from './errcodes';
