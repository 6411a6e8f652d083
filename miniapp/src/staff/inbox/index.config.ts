export default definePageConfig({
  navigationBarTitleText: '待办申请',
  // Pull down to refresh the list (issue 6); live updates refresh it too.
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The next page loads a little before the last row (lib/inbox-paging.ts).
  onReachBottomDistance: 120,
});
