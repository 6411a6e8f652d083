// Routes of the app. Keep in step with src/routes.ts (a test checks both agree).
// Secondary pages live in subpackages so the main package stays small (WeChat: main ≤ 2 MB;
// our own budget is 1 MB, checked by scripts/check-size.mjs).
// The design system's gallery (src/dev) is a tool for engineers, reached only by its path: it is in
// builds made with ZWGK_GALLERY=1 (into dist/<target>-gallery, see config/index.ts), never in the
// production builds. Taro evaluates this file in Node at build time, so process.env is the build's.
const galleryPackage = process.env.ZWGK_GALLERY === '1' ? [{ root: 'dev', pages: ['gallery/index'] }] : [];

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
      pages: ['login/index', 'inbox/index', 'request/index', 'register/index', 'decide/index', 'supervision/index', 'report-editor/index', 'calendar/index'],
    },
    ...galleryPackage,
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
