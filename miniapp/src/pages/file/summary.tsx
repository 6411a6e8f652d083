import { Checkbox, Text, View } from '@tarojs/components';
import { Card } from '../../components';
import { answeredSteps, type FilingDraft } from './flow';
import type { StepContext, StepId } from './steps';
import './summary.css';

/** Row label of each answer on the summary card. */
const labels: Partial<Record<StepId, string>> = {
  body: '受理机关',
  applicantType: '申请人类型',
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  orgName: '单位名称',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人或负责人',
  contactName: '联系人',
  contactPhone: '联系人电话',
  documentTitle: '文件名称',
  documentNumber: '文号',
  description: '所需信息',
  medium: '提供形式',
  delivery: '获取方式',
  address: '通信地址',
  email: '电子邮箱',
  fax: '传真',
  purpose: '用途',
};

export const DECLARATION_TEXT = '本人承诺以上信息真实、准确，并已阅读隐私说明，同意为办理本申请使用上述个人信息。';

export interface SummaryProps {
  draft: FilingDraft;
  ctx: StepContext;
  display: (id: StepId) => string;
  onEdit: (id: StepId) => void;
  onDeclaration: (on: boolean) => void;
  onSaveIdentity: (on: boolean) => void;
}

/** The request as it will be sent, each line tappable to change it, and the declaration. */
export function Summary({ draft, ctx, display, onEdit, onDeclaration, onSaveIdentity }: SummaryProps) {
  const rows = answeredSteps(draft, ctx).filter((s) => labels[s.id] && (draft.values[s.field!] ?? '') !== '');
  return (
    <Card title="请核对您的申请" className="filing-summary">
      {rows.map((s) => (
        <View key={s.id} className="filing-summary__row" onClick={() => onEdit(s.id)}>
          <Text className="filing-summary__label">{labels[s.id]}</Text>
          <Text className="filing-summary__value">{display(s.id)}</Text>
          <Text className="filing-summary__edit">修改</Text>
        </View>
      ))}
      <View className="filing-summary__check" onClick={() => onDeclaration(!draft.declaration)}>
        <Checkbox value="declaration" checked={draft.declaration} color="#1d4f91" />
        <Text className="filing-summary__check-text">{DECLARATION_TEXT}</Text>
      </View>
      {draft.declarationError ? <Text className="filing-summary__error">{draft.declarationError}</Text> : null}
      {draft.savedIdentity === null || draft.savedIdentity === 'new' ? (
        <View className="filing-summary__check" onClick={() => onSaveIdentity(!draft.saveIdentity)}>
          <Checkbox value="save" checked={draft.saveIdentity} color="#1d4f91" />
          <Text className="filing-summary__check-text">在本机保存申请人信息，下次申请直接使用（列表中只显示部分号码，可随时在“我的”中删除）</Text>
        </View>
      ) : null}
    </Card>
  );
}
