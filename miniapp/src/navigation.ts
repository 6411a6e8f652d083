import Taro from '@tarojs/taro';
import { pageUrl, type PageName } from './routes';

/** Opens a page on top of the current one. */
export function openPage(page: PageName, query: Record<string, string> = {}): void {
  void Taro.navigateTo({ url: pageUrl(page, query) });
}

/** Replaces the current page (e.g. after sign-in). */
export function replacePage(page: PageName, query: Record<string, string> = {}): void {
  void Taro.redirectTo({ url: pageUrl(page, query) });
}
