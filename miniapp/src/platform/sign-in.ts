// Signing in on H5 (the browser build served at /app/): there is no WeChat, so in demo mode
// the server offers a development citizen login (POST /api/auth/dev-citizen; 404 otherwise).
// The weapp implementation is sign-in.weapp.ts.
import { authApi, type TokenResponse } from '../api/citizen';

export const signInLabel = '演示登录';
export const signInHint = '浏览器版（演示模式）：以演示申请人身份登录，无需微信';

/** Whether pages may sign in without a tap (WeChat's wx.login is silent; the demo login is not). */
export const signInSilently = false;

export function obtainSignIn(): Promise<TokenResponse> {
  return authApi.devCitizen();
}
