// `@tarojs/taro` in jest. The H5 build rewrites `Taro.getStorageSync(…)` into named imports of
// @tarojs/taro-h5 (babel-plugin-transform-taroapi), whose default export lacks most APIs;
// jest has no such rewrite, so this default export carries every named API as well.
import * as h5 from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';

const Taro = { ...(h5 as unknown as { default: Record<string, unknown> }).default, ...h5 };
export default Taro;
