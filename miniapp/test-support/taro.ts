// `@tarojs/taro` in jest. The H5 build rewrites `Taro.getStorageSync(…)` into named imports of
// @tarojs/taro-h5 (babel-plugin-transform-taroapi), whose default export lacks most APIs;
// jest has no such rewrite, so this default export carries every named API as well.
import * as h5 from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';

// Page lifecycle hooks come from Taro's React runtime inside a mounted Taro page, which a component
// rendered by a test is not: there they have no page event to wait for, so they do nothing (a test
// that needs one mocks it and fires the event itself).
const noPageEvent = (_handler: () => void): void => undefined;
const hooks = h5 as unknown as Record<string, typeof noPageEvent | undefined>;
export const useDidShow = hooks['useDidShow'] ?? noPageEvent;
export const usePullDownRefresh = hooks['usePullDownRefresh'] ?? noPageEvent;
export const useReachBottom = hooks['useReachBottom'] ?? noPageEvent;

const Taro = { ...(h5 as unknown as { default: Record<string, unknown> }).default, ...h5, useDidShow, usePullDownRefresh, useReachBottom };
export default Taro;
