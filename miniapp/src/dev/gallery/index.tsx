import { Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Card, ChatBubble, DeadlineBadge, EmptyState, OptionChips, PageShell, PrimaryButton, StatusChip } from '../../components';
import { useLargeText } from '../../settings/large-text';
import './index.css';

// Every component of the design system in one place, for page authors and for the visual
// check of the browser tests (tests/browser/gallery.test.ts). Its own subpackage: never
// downloaded unless opened by path (/dev/gallery/index).
export default function GalleryPage() {
  const [large, setLarge] = useLargeText();
  const [kind, setKind] = useState<'person' | 'org'>('person');
  return (
    <PageShell title="组件示例" subtitle="设计系统一览">
      <View className="gallery__row">
        <Text>大字模式</Text>
        <Switch checked={large} color="#1d4f91" onChange={(e) => setLarge(e.detail.value)} />
      </View>

      <Text className="gallery__heading">对话</Text>
      <ChatBubble role="system" time="3月2日 09:12">申请已提交，申请编号 Y2026-0001</ChatBubble>
      <ChatBubble role="staff" author="平武县人民政府办公室" time="3月4日 15:30">
        您好，请补充所需信息的文件名称或文号，便于我们准确查找。
      </ChatBubble>
      <ChatBubble role="citizen" time="3月4日 16:02">
        文件是《平武县2023年财政预算执行情况报告》。
      </ChatBubble>

      <Text className="gallery__heading">选项</Text>
      <OptionChips
        options={[
          { value: 'person', label: '个人' },
          { value: 'org', label: '法人或其他组织' },
        ]}
        value={kind}
        onChange={(value) => setKind(value)}
      />
      <OptionChips
        options={[
          { value: 'paper', label: '纸质', hint: '邮寄或到现场领取' },
          { value: 'electronic', label: '电子文件', hint: '通过本程序或电子邮件发送' },
        ]}
        value="electronic"
        onChange={() => undefined}
      />

      <Text className="gallery__heading">状态与期限</Text>
      <View className="gallery__wrap">
        <StatusChip label="待受理" tone="neutral" />
        <StatusChip label="办理中" tone="progress" />
        <StatusChip label="待补正" tone="waiting" />
        <StatusChip label="已答复" tone="done" />
        <StatusChip label="已超期" tone="danger" />
      </View>
      <View className="gallery__wrap">
        <DeadlineBadge workingDaysLeft={15} dueDate="2026-03-30" />
        <DeadlineBadge workingDaysLeft={2} dueDate="2026-03-06" />
        <DeadlineBadge workingDaysLeft={0} />
        <DeadlineBadge workingDaysLeft={-3} dueDate="2026-03-02" />
        <DeadlineBadge workingDaysLeft={9} paused />
      </View>

      <Text className="gallery__heading">卡片</Text>
      <Card title="2023年财政预算执行情况" extra={<StatusChip label="办理中" tone="progress" />} footer={<DeadlineBadge workingDaysLeft={12} dueDate="2026-03-20" />} onClick={() => undefined}>
        <Text>平武县人民政府办公室 · 3月2日提交</Text>
      </Card>

      <Text className="gallery__heading">按钮</Text>
      <PrimaryButton>提交申请</PrimaryButton>
      <PrimaryButton variant="secondary">保存草稿</PrimaryButton>
      <PrimaryButton variant="danger">撤回申请</PrimaryButton>
      <PrimaryButton loading>正在提交</PrimaryButton>

      <Text className="gallery__heading">空状态</Text>
      <EmptyState title="还没有申请" description="提交的申请会显示在这里" action={<PrimaryButton>申请政府信息公开</PrimaryButton>} />
    </PageShell>
  );
}
