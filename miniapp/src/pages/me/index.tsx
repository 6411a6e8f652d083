import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Card, PageShell, PrimaryButton } from '../../components';
import { CountBadge } from '../../components/count-badge';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { deleteIdentity, loadIdentities, type SavedIdentity } from '../../identities';
import { openPage } from '../../navigation';
import { useUnreadCount } from '../../notifications/unread';
import { signInLabel } from '../../platform/sign-in';
import { acceptPrivacy, privacyNotice, usePrivacyConsent, withdrawPrivacy } from '../../settings/privacy';
import { useLargeText } from '../../settings/large-text';
import { signOut, useSession } from '../../session';
import './index.css';

function formatDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 我的: sign in/out, saved identities (masked), the privacy notice and consent, large-text mode. */
export default function MePage() {
  const [large, setLarge] = useLargeText();
  const session = useSession();
  const unread = useUnreadCount();
  const [identities, setIdentities] = useState<SavedIdentity[]>(loadIdentities);
  const [showPrivacy, setShowPrivacy] = useState(false);
  const consent = usePrivacyConsent();

  const remove = async (identity: SavedIdentity) => {
    const r = await Taro.showModal({ title: '删除申请人信息', content: `删除“${identity.label}”？删除后下次申请需要重新填写。`, confirmText: '删除', cancelText: '取消' });
    if (!r.confirm) return;
    deleteIdentity(identity.id);
    setIdentities(loadIdentities());
  };

  return (
    <PageShell title="我的">
      {session.signedIn ? (
        <Card>
          <View className="me__row">
            <View className="me__row-text">
              <Text className="me__row-title">{session.profile?.nickname ?? (session.profile?.channel === 'wechat' ? '微信用户' : '已登录')}</Text>
              <Text className="me__row-hint">{session.profile?.channel === 'dev' ? '演示账号（浏览器版）' : '已通过微信登录'}</Text>
            </View>
            <Text className="me__link" onClick={() => void signOut()}>
              退出登录
            </Text>
          </View>
        </Card>
      ) : (
        <SignInPrompt reason={`${signInLabel}后可提交申请、查看办理进度和通知`} />
      )}

      <Card title="消息通知" extra={<CountBadge count={unread} />} onClick={() => openPage('notifications')}>
        <Text>{unread > 0 ? `${unread} 条未读通知` : '没有未读通知'}</Text>
      </Card>
      <Card title="我的申请" onClick={() => openPage('requests')}>
        <Text>查看办理进度和答复</Text>
      </Card>

      <Card title="保存的申请人信息">
        {identities.length === 0 ? <Text className="me__row-hint">提交申请时可选择在本机保存，下次直接使用。</Text> : null}
        {identities.map((identity) => (
          <View key={identity.id} className="me__identity">
            <View className="me__row-text">
              <Text className="me__identity-label">{identity.label}</Text>
              <Text className="me__row-hint">{identity.detail}</Text>
            </View>
            <Text className="me__link me__link--danger" onClick={() => void remove(identity)}>
              删除
            </Text>
          </View>
        ))}
      </Card>

      <Card>
        <View className="me__row">
          <View className="me__row-text">
            <Text className="me__row-title">大字模式</Text>
            <Text className="me__row-hint">放大所有页面的文字</Text>
          </View>
          <Switch checked={large} color="#1d4f91" onChange={(e) => setLarge(e.detail.value)} />
        </View>
      </Card>

      <Card title="隐私说明">
        <Text className="me__privacy-status">{consent ? `您已于${formatDay(consent.at)}同意（第${consent.version}版）` : '您尚未同意隐私说明；提交申请时需要同意。'}</Text>
        <Text className="me__link" onClick={() => setShowPrivacy(!showPrivacy)}>
          {showPrivacy ? '收起' : '阅读隐私说明'}
        </Text>
        {showPrivacy ? (
          <View className="me__privacy">
            {privacyNotice.map((p) => (
              <Text key={p} className="me__privacy-text">
                {p}
              </Text>
            ))}
            {consent ? (
              <PrimaryButton variant="secondary" onClick={withdrawPrivacy}>
                撤回同意
              </PrimaryButton>
            ) : (
              <PrimaryButton onClick={acceptPrivacy}>我已阅读并同意</PrimaryButton>
            )}
          </View>
        ) : null}
      </Card>
    </PageShell>
  );
}
