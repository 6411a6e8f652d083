import { Image, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Card, PrimaryButton } from '../../components';
import type { ShareInfo } from './data';
import './share-panel.css';

/** Inside WeChat: share to a chat (the page's share hook sets the 5:4 card), save the poster. */
export function SharePanel({ info }: { info: ShareInfo }) {
  const [saving, setSaving] = useState(false);
  const savePoster = async () => {
    setSaving(true);
    try {
      const { tempFilePath, statusCode } = await Taro.downloadFile({ url: info.poster });
      if (statusCode !== 200) throw new Error('download');
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
      await Taro.showToast({ title: '海报已保存到相册', icon: 'success' });
    } catch (e) {
      const denied = typeof e === 'object' && e !== null && /auth|deny/i.test(String((e as { errMsg?: string }).errMsg ?? ''));
      await Taro.showToast({ title: denied ? '请在设置中允许保存到相册' : '海报保存失败，请稍后重试', icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card className="share-panel">
      <Image className="share-panel__card" src={info.chatImage} mode="widthFix" />
      <Text className="share-panel__hint">发给好友时附带这张卡片；右上角菜单还可分享到朋友圈。</Text>
      <PrimaryButton openType="share">发给微信好友</PrimaryButton>
      <PrimaryButton variant="secondary" loading={saving} onClick={() => void savePoster()}>
        保存海报到相册
      </PrimaryButton>
    </Card>
  );
}
