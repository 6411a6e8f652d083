// Jest setup of the `miniapp` project (jsdom): runs before each test file.
// Taro's H5 runtime reads these at import time.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
