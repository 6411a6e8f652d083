// WeChat share of the figures: to a chat with the 5:4 card, to Moments with the 1:1 card. The
// shared path opens the same body and year for the receiver (report/figures?body=&year=).
// The page config enables both menus (enableShareAppMessage / enableShareTimeline).
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import type { ShareInfo } from './data';

const fallbackTitle = '本县政务公开数据';

export function useReportShare(info: ShareInfo | undefined): void {
  useShareAppMessage(() => ({
    title: info?.title ?? fallbackTitle,
    path: info?.path ?? '/report/figures/index',
    ...(info?.chatImage ? { imageUrl: info.chatImage } : {}),
  }));
  useShareTimeline(() => ({
    title: info?.title ?? fallbackTitle,
    query: info?.query ?? '',
    ...(info?.momentsImage ? { imageUrl: info.momentsImage } : {}),
  }));
}
