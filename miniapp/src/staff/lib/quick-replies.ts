// Quick replies for the conversation: the sentences offices write most, filled with the request's
// number and deadline so staff only tap and, if needed, edit. Messages are not legal notices
// (those go through the lifecycle actions); they keep the applicant informed.
import type { StaffRequestDetail } from '@zwgk/shared';
import { shortDate } from './format';

export interface QuickReply {
  label: string;
  text: (detail: StaffRequestDetail, today: string) => string;
}

export const quickReplies: ReadonlyArray<QuickReply> = [
  {
    label: '已收到，正在办理',
    text: (d, today) => `您好，您的申请（编号${d.number}）已收到，正在办理中${d.dueOn ? `，我们将在${shortDate(d.dueOn, today)}前依法答复` : ''}。`,
  },
  {
    label: '请核实联系方式',
    text: () => '您好，为便于送达答复，请核实您的联系电话和通信地址是否准确；如有变更，请在此回复。',
  },
  {
    label: '询问所需信息',
    text: () => '您好，为准确查找您所需的政府信息，请问您是否知道该文件的名称、文号或大致形成时间？',
  },
  {
    label: '正在征求意见',
    text: () => '您好，您申请的信息涉及第三方（或其他机关），我们正在依法征求意见，征求意见期间不计入答复期限，有进展会及时告知您。',
  },
  {
    label: '答复已寄出',
    text: (d) => `您好，答复告知书已按您选择的方式（${d.content.deliveryLabel}）送出，请注意查收。`,
  },
];
