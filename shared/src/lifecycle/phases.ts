// Where a request stands. "Extended" is not a phase but a fact on the state (Art. 33 allows one
// extension whatever the phase), so it cannot hide another phase.
export const phases = [
  'none', // nothing submitted yet (the state before the first event)
  'submitted', // online/fax submission awaiting confirmation: the clock has not started (Art. 31)
  'received', // 收到申请: the 20-working-day clock runs
  'correction_requested', // 补正: waiting for the applicant (Art. 30)
  'consultation', // 征求第三方/其他机关意见: clock paused (Art. 32–34)
  'fee_pending', // 收费通知已发出: clock paused until paid (Art. 42, 国办函〔2020〕109号)
  'decided', // reply drafted; awaiting the reviewer if the body requires approval
  'approved', // reply approved, to be delivered
  'delivered', // 已答复: concluded with the decided outcome
  'closed', // 已办结: archived after delivery, or ended by an expiry (no correction / unpaid fee)
  'withdrawn', // 已撤回 by the applicant
] as const;
export type Phase = (typeof phases)[number];

/** Labels per audience: the citizen sees plain words, staff see the work to do. */
export const phaseLabels: Record<Phase, { citizen: string; staff: string }> = {
  none: { citizen: '未提交', staff: '未提交' },
  submitted: { citizen: '已提交，等待确认', staff: '待确认受理' },
  received: { citizen: '已受理，办理中', staff: '办理中' },
  correction_requested: { citizen: '请补正申请', staff: '待申请人补正' },
  consultation: { citizen: '征求意见中（暂停计时）', staff: '征求意见中' },
  fee_pending: { citizen: '待缴纳信息处理费（暂停计时）', staff: '待申请人缴费' },
  decided: { citizen: '答复审核中', staff: '答复待审核' },
  approved: { citizen: '答复待送达', staff: '已审核，待送达' },
  delivered: { citizen: '已答复', staff: '已答复' },
  closed: { citizen: '已办结', staff: '已办结' },
  withdrawn: { citizen: '已撤回', staff: '已撤回' },
};

/** Phases in which the request has an outcome and a conclusion date (the report counts it). */
export const concludedPhases: ReadonlyArray<Phase> = ['delivered', 'closed', 'withdrawn'];

export function isConcluded(phase: Phase): boolean {
  return concludedPhases.includes(phase);
}
