export default definePageConfig({
  navigationBarTitleText: '分享数据卡片',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
