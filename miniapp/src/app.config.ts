// Routes of the app. Keep in step with src/routes.ts (a test checks both agree).
// Secondary pages live in subpackages so the main package stays small (WeChat: main ≤ 2 MB;
// our own budget is 1 MB, checked by scripts/check-size.mjs).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/file/index',
    'pages/requests/index',
    'pages/thread/index',
    'pages/me/index',
    'pages/notifications/index',
  ],
  subPackages: [
    { root: 'report', pages: ['figures/index', 'share/index'] },
    { root: 'lookup', pages: ['status/index'] },
    {
      root: 'staff',
      pages: ['login/index', 'inbox/index', 'request/index', 'register/index', 'decide/index', 'supervision/index', 'report-editor/index'],
    },
    // The design system's gallery; reached only by its path.
    { root: 'dev', pages: ['gallery/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '政务公开助手',
    navigationBarTextStyle: 'black',
  },
  // Load only the components a page really uses (faster first screen on weapp).
  lazyCodeLoading: 'requiredComponents',
});
