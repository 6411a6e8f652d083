import { Image, Text, View } from '@tarojs/components';
import { Card } from '../../components';
import type { ShareInfo } from './data';
import './share-panel.css';

/**
 * In a browser: the chat card as an image and the public share page (/share/<body>/<year>),
 * whose link previews carry the card. The weapp panel (share-panel.weapp.tsx) shares natively.
 */
export function SharePanel({ info }: { info: ShareInfo }) {
  const link = new URL(info.sharePage, window.location.href).href;
  return (
    <Card className="share-panel">
      <Image className="share-panel__card" src={info.chatImage} mode="widthFix" lazyLoad={false} />
      <Text className="share-panel__hint">复制下面的链接发给朋友，对方打开即可看到同样的数据：</Text>
      <View className="share-panel__link-box">
        <Text className="share-panel__link" selectable>
          {link}
        </Text>
      </View>
      <Text className="share-panel__open" onClick={() => window.open(link, '_blank', 'noopener')}>
        打开分享页
      </Text>
    </Card>
  );
}
