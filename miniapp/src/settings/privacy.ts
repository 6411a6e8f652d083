// The privacy notice of the citizen app and the citizen's consent, kept on the device with the
// version consented to (a new version asks again). Filing also records consent: the
// declaration on the summary includes having read this notice.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { storage } from '../api/storage';

export const PRIVACY_VERSION = 1;

export const privacyNotice: ReadonlyArray<string> = [
  '我们收集什么：提交申请时您填写的申请人信息（姓名或单位名称、证件号码、联系电话、地址、邮箱等）、所需信息的描述，以及您与办理机关之间的留言和附件。',
  '用来做什么：仅用于办理您的政府信息公开申请（《政府信息公开条例》第二十九条要求申请人提供身份和联系方式），以及向您发送办理进度通知。',
  '如何保护：证件号码和电话在服务器上加密保存，在列表和查询结果中只显示部分号码；工作人员查看完整身份信息会被记录。通过“查询办理状态”只能看到办理状态和日期，看不到任何个人信息。',
  '保存在本机的内容：填写中的草稿、您选择保存的申请人信息和登录状态，保存在本手机上，可在“我的”中删除或退出登录。',
  '您的权利：可随时撤回同意；撤回后不影响已提交申请的办理，但不能再提交新的申请，直到再次同意。',
];

const key = 'settings.privacyConsent';
const event = 'zwgk:privacy';

export interface PrivacyConsent {
  version: number;
  at: string;
}

export function privacyConsent(): PrivacyConsent | undefined {
  const c = storage.read<PrivacyConsent>(key);
  return c && c.version === PRIVACY_VERSION ? c : undefined;
}

export function acceptPrivacy(): void {
  const consent: PrivacyConsent = { version: PRIVACY_VERSION, at: new Date().toISOString() };
  storage.write(key, consent);
  Taro.eventCenter.trigger(event, consent);
}

export function withdrawPrivacy(): void {
  storage.remove(key);
  Taro.eventCenter.trigger(event, undefined);
}

export function usePrivacyConsent(): PrivacyConsent | undefined {
  const [consent, setConsent] = useState(privacyConsent);
  useEffect(() => {
    const listener = (c: PrivacyConsent | undefined) => setConsent(c);
    Taro.eventCenter.on(event, listener);
    return () => {
      Taro.eventCenter.off(event, listener);
    };
  }, []);
  return consent;
}
