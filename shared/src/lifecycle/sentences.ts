// One plain-Chinese sentence per event for the conversation thread. The citizen sees only what
// concerns them (internal steps such as assignment or review return null), and never a third
// party's name.
import { formatChineseDate } from '../calendar/dates';
import { outcome, outcomeGroups } from '../outcomes';
import { channelLabels, reviewKindLabels, reviewResultLabels, type RequestEvent } from './events';
import { phaseLabels } from './phases';
import type { RequestState } from './state';

export type Audience = 'citizen' | 'staff';

const groupLabel = (key: Parameters<typeof outcome>[0]) => outcomeGroups.find((g) => g.group === outcome(key).group)?.label ?? '';

/**
 * The sentence for `event`. `before` (the state the event applied to) adds context where the
 * event alone does not say it, e.g. the outcome of the reply being delivered.
 */
export function eventSentence(event: RequestEvent, audience: Audience, before?: RequestState): string | null {
  const d = formatChineseDate;
  const citizen = audience === 'citizen';
  switch (event.type) {
    case 'submit':
      return citizen ? '您的申请已提交，等待受理机关确认。' : `收到申请（${channelLabels[event.channel].label}）。`;
    case 'confirm_receipt': {
      const on = event.receivedOn ?? event.on;
      return citizen ? `已受理您的申请，收到申请之日为${d(on)}，答复期限自次日起计算。` : `确认受理，收到申请之日为${d(on)}（《条例》第三十一条）。`;
    }
    case 'request_correction': {
      const items = event.items.length === 1 ? event.items[0] : event.items.map((t, i) => `${i + 1}. ${t}`).join('；');
      const tail = `请于${d(event.dueOn)}前提交补正材料；无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）。`;
      return citizen ? `请补正以下内容：${items}。${tail}` : `告知补正：${items}。补正期限至${d(event.dueOn)}。`;
    }
    case 'correction_received':
      return citizen ? '已收到您的补正材料，答复期限自收到补正之日的次日起重新计算。' : '收到补正材料，答复期限重新计算（《条例》第三十条）。';
    case 'correction_expired':
      return citizen ? '您未在补正期限内补正，依照《条例》第三十条视为放弃申请，本申请不再处理。' : '补正期限届满未补正，视为放弃申请，办结。';
    case 'start_consultation':
      if (event.party === 'third_party') {
        return citizen
          ? '您申请的信息可能涉及第三方合法权益，我们已书面征求第三方意见（《条例》第三十二条）；征求意见所需时间不计入答复期限。'
          : `书面征求第三方（${event.with}）意见，第三方应在15个工作日内答复（《条例》第三十二条）。`;
      }
      return citizen ? '您申请的信息需要征求其他机关的意见（《条例》第三十四条）；征求意见所需时间不计入答复期限。' : `征求${event.with}意见（《条例》第三十四条）。`;
    case 'end_consultation': {
      const replies = { agreed: '同意公开', objected: '不同意公开', no_reply: '逾期未答复', answered: '已答复' } as const;
      return citizen ? '征求意见已结束，恢复计算答复期限。' : `结束征求意见（${replies[event.reply]}）。`;
    }
    case 'extend':
      return citizen
        ? `因${event.reason}，经政府信息公开工作机构负责人同意，答复期限延长${event.days}个工作日（《条例》第三十三条）。`
        : `延长答复期限${event.days}个工作日，理由：${event.reason}。`;
    case 'issue_fee_notice':
      return citizen
        ? `依照《条例》第四十二条和国办函〔2020〕109号，本申请需缴纳信息处理费${event.amount}元，请自收到通知次日起20个工作日内缴纳；逾期未缴纳的，视为放弃申请。缴费期间不计入答复期限。`
        : `发出收费通知，${event.basis === 'per_request' ? '按件' : '按量'}计收${event.amount}元。`;
    case 'fee_paid':
      return citizen ? '已收到您缴纳的信息处理费，恢复计算答复期限。' : '申请人已缴费，恢复计算答复期限。';
    case 'fee_expired':
      return citizen ? '您未在期限内缴纳信息处理费，视为放弃申请，本申请不再处理。' : '缴费期限届满未缴费，视为放弃申请，办结。';
    case 'assign':
      return citizen ? null : `分办至${[event.assignee.department, event.assignee.name].filter(Boolean).join(' ') || event.assignee.id}。`;
    case 'decide':
      return citizen ? null : `拟定答复：${outcome(event.outcome).label}。`;
    case 'approve':
      return citizen ? null : `审核通过${event.comment ? `：${event.comment}` : ''}。`;
    case 'reject':
      return citizen ? null : `审核退回：${event.comment}`;
    case 'deliver': {
      const key = before?.decision?.outcome;
      if (citizen) return key ? `已答复您的申请（${groupLabel(key)}），请查看答复书。` : '已答复您的申请，请查看答复书。';
      return key ? `送达答复（${outcome(key).label}）。` : '送达答复。';
    }
    case 'withdraw':
      if (citizen) return event.actor.role === 'citizen' ? '您已撤回申请。' : '根据您的要求，已撤回本申请。';
      return `申请人撤回申请${event.reason ? `，理由：${event.reason}` : ''}。`;
    case 'close':
      return citizen ? null : '归档。';
    case 'record_review_result':
      return citizen ? null : `记录行政复议（案号${event.caseId}）结果：${reviewResultLabels[event.result]}。`;
    case 'record_litigation_result':
      return citizen ? null : `记录${reviewKindLabels[event.kind === 'direct' ? 'litigation_direct' : 'litigation_after_review']}（案号${event.caseId}）结果：${reviewResultLabels[event.result]}。`;
  }
}

/** The status label for an audience, with the reason when a request ended without a reply. */
export function statusLabel(state: RequestState, audience: Audience): string {
  const base = phaseLabels[state.phase][audience];
  if (state.phase === 'closed' && state.outcome === 'other_no_correction') return `${base}（逾期未补正）`;
  if (state.phase === 'closed' && state.outcome === 'other_unpaid_fee') return `${base}（逾期未缴费）`;
  if (state.extension && !['delivered', 'closed', 'withdrawn'].includes(state.phase)) return `${base}（已延期）`;
  return base;
}
