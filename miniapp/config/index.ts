import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// One config for both targets. TARO_ENV is set by `taro build --type <weapp|h5>`.
const platform = process.env.TARO_ENV ?? 'weapp';

// ZWGK_GALLERY=1 adds the design system's gallery (see src/app.config.ts); such a build goes to
// its own folder so it never takes the place of the production build the server serves.
const outputName = process.env.ZWGK_GALLERY === '1' ? `${platform}-gallery` : platform;

// The domain package is TypeScript source (main = src/index.ts, no build step), so the
// script rule must transpile it too: Taro only transpiles sourceRoot and taro packages.
const sharedSrc = path.resolve(__dirname, '../../shared/src');

// shared/src is pure (no I/O, no import-for-effect; see the team brief), so webpack may drop
// every module of its barrel a page does not use — otherwise importing one constant from
// '@zwgk/shared' pulls in all of it (zod schemas included): 145 KB → 5 KB for one page.
const sharedSources = /[\\/]shared[\\/]src[\\/]/;

// H5 is served by our own server on the same origin, so the API is a relative path.
// The weapp needs an absolute https URL configured per deployment (TARO_APP_API_BASE,
// also read from miniapp/.env.* files by Taro).
const apiBaseUrl = platform === 'h5' ? '/api' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000/api');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zwgk-miniapp',
    date: '2026-1-1',
    // Written px = CSS px on a 375-wide phone; Taro turns them into rpx (weapp) / rem (h5).
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${outputName}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    alias: {
      '@zwgk/shared': sharedSrc,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      webpackChain(chain) {
        chain.module.rule('zwgk-shared-pure').test(sharedSources).set('sideEffects', false);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      // Every page chunk would otherwise carry its own copy of the design system and of
      // Taro's web components (Text, View, Button…).
      webpackChain(chain) {
        chain.module.rule('zwgk-shared-pure').test(sharedSources).set('sideEffects', false);
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              taroComponents: { name: 'taro-components', test: /[\\/]node_modules[\\/]@tarojs[\\/]components[\\/]/, chunks: 'all', minChunks: 2, priority: 120, enforce: true },
              zwComponents: { name: 'zw-components', test: /[\\/]src[\\/](components|settings|api)[\\/]/, chunks: 'all', minChunks: 2, priority: 20, enforce: true },
            },
          },
        });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
