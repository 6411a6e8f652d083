// What the WeChat simulator remembers. Everything here is plain JSON so that
// GET /__sim/state returns exactly what an in-process test reads.

export interface IssuedToken {
  token: string;
  appid: string;
  kind: 'token' | 'stable';
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface SubscribeMessageRecord {
  msgid: number;
  touser: string;
  templateId: string;
  page?: string;
  miniprogramState?: string;
  lang?: string;
  /** keyword → value as received */
  data: Record<string, string>;
  at: string;
}

export interface MaterialRecord {
  mediaId: string;
  type: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  url?: string;
  at: string;
}

export interface UploadedImageRecord {
  url: string;
  filename: string;
  size: number;
  sha256: string;
  at: string;
}

export interface DraftArticle {
  title: string;
  author?: string;
  digest?: string;
  content: string;
  content_source_url?: string;
  thumb_media_id?: string;
  need_open_comment?: number;
  only_fans_can_comment?: number;
}

export interface DraftRecord {
  mediaId: string;
  articles: DraftArticle[];
  /** in-body image URLs WeChat drops because they were not uploaded with media/uploadimg */
  filteredImages: string[];
  /** a draft leaves the draft box once submitted for publishing */
  consumed: boolean;
  at: string;
}

export interface PublishTask {
  publishId: string;
  msgDataId: string;
  mediaId: string;
  articles: DraftArticle[];
  polls: number;
  pollsUntilDone: number;
  finalStatus: number;
  articleId?: string;
  at: string;
}

export interface PublishedArticle {
  articleId: string;
  publishId: string;
  mediaId: string;
  title: string;
  contentSourceUrl?: string;
  url: string;
  /** 0, or 5/6 when it was published and later deleted/blocked */
  publishStatus: number;
  at: string;
}

export interface WechatSimState {
  /** calls per platform path, faulted ones included */
  calls: Record<string, number>;
  tokens: IssuedToken[];
  sessions: Array<{ code: string; openid: string; appid: string; at: string }>;
  subscribeMessages: SubscribeMessageRecord[];
  materials: MaterialRecord[];
  images: UploadedImageRecord[];
  drafts: DraftRecord[];
  publishes: PublishTask[];
  /** articles that went out (publish_status reached 0), once each */
  published: PublishedArticle[];
}

export function emptyWechatState(): WechatSimState {
  return { calls: {}, tokens: [], sessions: [], subscribeMessages: [], materials: [], images: [], drafts: [], publishes: [], published: [] };
}
