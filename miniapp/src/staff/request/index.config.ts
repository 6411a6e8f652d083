export default definePageConfig({
  navigationBarTitleText: '办理申请',
});
