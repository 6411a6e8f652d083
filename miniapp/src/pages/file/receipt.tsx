import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Card, PrimaryButton } from '../../components';
import { openPage } from '../../navigation';
import type { FilingReceipt } from './draft';
import './receipt.css';

export interface ReceiptProps {
  receipt: FilingReceipt;
  onDone: () => void;
}

/** After a successful submit: 申请编号 and 查询码, large, with the advice to keep the code. */
export function Receipt({ receipt, onDone }: ReceiptProps) {
  const copy = () =>
    void Taro.setClipboardData({ data: `申请编号：${receipt.number}\n查询码：${receipt.queryCode}` }).catch(() => undefined);
  return (
    <View className="receipt">
      <Card title="申请已提交">
        <Text className="receipt__lead">{`${receipt.bodyName}已收到您的申请。机关确认受理后，开始计算20个工作日的答复期限。`}</Text>
        <View className="receipt__item">
          <Text className="receipt__label">申请编号</Text>
          <Text className="receipt__value" selectable>
            {receipt.number}
          </Text>
        </View>
        <View className="receipt__item">
          <Text className="receipt__label">查询码</Text>
          <Text className="receipt__value receipt__value--code" selectable>
            {receipt.queryCode}
          </Text>
        </View>
        <Text className="receipt__warning">查询码只显示这一次，请截图或抄写保存。凭申请编号和查询码，不登录也能查询办理进度。</Text>
        {receipt.subscribed ? <Text className="receipt__note">办理进度有变化时，将通过微信服务通知提醒您。</Text> : null}
      </Card>
      <PrimaryButton variant="secondary" onClick={copy}>
        复制编号和查询码
      </PrimaryButton>
      <PrimaryButton variant="secondary" onClick={() => openPage('thread', { id: receipt.requestId })}>
        查看申请进度
      </PrimaryButton>
      <PrimaryButton onClick={onDone}>我已保存查询码</PrimaryButton>
    </View>
  );
}
