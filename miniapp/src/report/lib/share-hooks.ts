// Sharing the figures to a chat or to Moments exists only inside WeChat (share-hooks.weapp.ts);
// in a browser the share page's link is what people pass on (see share-panel.tsx).
import type { ShareInfo } from './data';

export function useReportShare(_info: ShareInfo | undefined): void {
  // nothing to register in a browser
}
