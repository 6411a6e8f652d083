export default definePageConfig({
  navigationBarTitleText: '本县政务公开数据',
  // Sharing to a chat and to Moments (useShareAppMessage / useShareTimeline in share-hooks.weapp.ts).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
