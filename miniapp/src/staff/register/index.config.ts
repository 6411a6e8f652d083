export default definePageConfig({
  navigationBarTitleText: '登记申请',
});
