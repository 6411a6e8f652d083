export default definePageConfig({
  navigationBarTitleText: '作出答复',
});
