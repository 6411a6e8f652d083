import { shareStatus, type ShareInput, type WeiboClientOptions, type WeiboStatus } from './client';

export interface WeiboClient {
  share(input: ShareInput): Promise<WeiboStatus>;
}

export function createWeiboClient(options: WeiboClientOptions): WeiboClient {
  if (!options.baseUrl) throw new Error('Weibo client needs baseUrl');
  return { share: (input) => shareStatus(options, input) };
}

export type { ShareInput, WeiboClientOptions, WeiboPicture, WeiboStatus } from './client';
export { fitWeiboStatus, weiboLength, linksOf, WEIBO_STATUS_LIMIT, WEIBO_LINK_WEIGHT } from './text';
export { WEIBO_ERRCODES, weiboError } from './errcodes';
