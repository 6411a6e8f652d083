import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `fn` when the page shows again (back from another page, or the app from background),
 * not on its first show: the first load is the mount effect's, so the page fetches once.
 */
export function useShowAgain(fn: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) fn();
    shown.current = true;
  });
}
