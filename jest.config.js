// One jest run for every workspace. TypeScript is compiled by swc (fast, no type
// check); `npm run typecheck` does the type check once for the whole tree.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];

// Taro's H5 runtime and web components ship as ES modules: compile them (plain JS parser).
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript', jsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const esmPackages = ['@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'nanoid', 'ics', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'lodash-es'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'shared',
      testEnvironment: 'node',
      roots: ['<rootDir>/shared'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/server', '<rootDir>/tests'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/browser/', '/tests/miniapp/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // Mini-program components and pages in jsdom: @tarojs/taro is the H5 implementation,
      // @tarojs/components the React bindings of Taro's web components.
      displayName: 'miniapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/miniapp/src'],
      setupFiles: ['<rootDir>/miniapp/test-support/setup.ts'],
      // Build-time constants the code and Taro's web components read (see config/index.ts).
      globals: { API_BASE_URL: '/api', DEPRECATED_ADAPTER_COMPONENT: false },
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/miniapp/test-support/taro.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '\\.(css|scss|less)$': '<rootDir>/miniapp/test-support/style-stub.js',
      },
      transform: { '^.+\\.tsx?$': swc, '^.+\\.(m|c)?jsx?$': swcJs },
      // Anything under one of these packages is compiled, including their own nested node_modules.
      transformIgnorePatterns: [`^(?!.*/node_modules/(${esmPackages.join('|')})/).*/node_modules/`],
    },
    {
      // Compiled weapp pages in miniprogram-simulate (real WXML compiler); builds weapp first if stale.
      displayName: 'miniapp-simulate',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/miniapp'],
      transform: { '^.+\\.tsx?$': swc },
      // The compiled mini-program runs as built, untransformed.
      transformIgnorePatterns: ['/node_modules/', '/miniapp/dist/'],
      globalSetup: '<rootDir>/tests/miniapp/support/global-setup-weapp.ts',
      testTimeout: 30000,
    },
    {
      // H5 end-to-end in headless Chromium against the real server (tests/browser/support);
      // builds h5 first if stale, and shares the server project's test database.
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/browser'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      globalSetup: '<rootDir>/tests/browser/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/support/slowest-tests.js'],
};
