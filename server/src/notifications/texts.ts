// What notifications say. Bodies reuse the thread sentences of shared/src/lifecycle/sentences.ts
// (one wording for the thread, the inbox and WeChat); titles are short headlines.
import type { ApplicantNotice, EventType, Phase, ReminderKind, StaffNotice } from '@zwgk/shared';

export const applicantNoticeTitle: Record<ApplicantNotice, string> = {
  submitted: '申请已提交',
  received: '申请已受理',
  correction_requested: '请补正申请材料',
  concluded_no_correction: '申请已终止（逾期未补正）',
  consultation_started: '正在征求意见',
  consultation_ended: '征求意见已结束',
  extended: '答复期限已延长',
  fee_notice: '请缴纳信息处理费',
  fee_paid: '已确认缴费',
  concluded_unpaid_fee: '申请已终止（逾期未缴费）',
  replied: '已答复您的申请',
  withdrawn: '申请已撤回',
};

export const staffNoticeTitle: Record<StaffNotice, string> = {
  new_submission: '收到新申请',
  correction_received: '申请人已补正',
  fee_paid: '申请人已缴费',
  assigned: '有申请分办给您',
  review_requested: '有答复待审核',
  ready_to_deliver: '有答复待送达',
  decision_approved: '答复已审核通过',
  decision_rejected: '答复被审核退回',
  withdrawn: '申请人撤回了申请',
};

export const reminderTitle: Record<ReminderKind, string> = {
  correction_window_ends: '今天是告知补正的最后一天',
  reply_due_soon: '答复期限即将届满',
  reply_overdue: '申请已超过答复期限',
  correction_overdue: '补正期限已过',
  consultation_reply_due: '第三方答复期限已届满',
  fee_overdue: '缴费期限已过',
};

/** The event each notice comes from, to give the notification the index of that event. */
export const applicantNoticeEvent: Record<ApplicantNotice, EventType> = {
  submitted: 'submit',
  received: 'confirm_receipt',
  correction_requested: 'request_correction',
  concluded_no_correction: 'correction_expired',
  consultation_started: 'start_consultation',
  consultation_ended: 'end_consultation',
  extended: 'extend',
  fee_notice: 'issue_fee_notice',
  fee_paid: 'fee_paid',
  concluded_unpaid_fee: 'fee_expired',
  replied: 'deliver',
  withdrawn: 'withdraw',
};

export const staffNoticeEvent: Record<StaffNotice, EventType> = {
  new_submission: 'submit',
  correction_received: 'correction_received',
  fee_paid: 'fee_paid',
  assigned: 'assign',
  review_requested: 'decide',
  ready_to_deliver: 'decide',
  decision_approved: 'approve',
  decision_rejected: 'reject',
  withdrawn: 'withdraw',
};

/** 办理状态 for a `phrase` keyword: at most five Chinese characters (WeChat rule). */
export const phasePhrase: Record<Phase, string> = {
  none: '未提交',
  submitted: '待受理',
  received: '办理中',
  correction_requested: '待补正',
  consultation: '征求意见',
  fee_pending: '待缴费',
  decided: '审核中',
  approved: '待送达',
  delivered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};
