// Signing in inside WeChat: wx.login gives a one-time code, the server exchanges it with
// code2Session (POST /api/auth/wechat) and issues our own tokens. Silent: no prompt.
import Taro from '@tarojs/taro';
import { authApi, type TokenResponse } from '../api/citizen';
import { ApiError } from '../api/client';

export const signInLabel = '微信登录';
export const signInHint = '使用微信身份登录，无需注册';

export const signInSilently = true;

export async function obtainSignIn(): Promise<TokenResponse> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError(0, 'WX_LOGIN_FAILED', '微信登录失败，请稍后重试');
  }
  return authApi.wechat(code);
}
