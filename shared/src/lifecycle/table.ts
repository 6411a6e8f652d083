// The transition table: for each event, the phases it may happen in, where it leads and who
// may fire it. Guards that depend on dates and payload live in guards.ts. The staff console's
// buttons and the server's authorisation both come from here (availableActions).
import type { EventType } from './events';
import type { Phase } from './phases';
import type { Role } from './roles';

export interface TransitionRule {
  event: EventType;
  from: ReadonlyArray<Phase>;
  /** 'same': the phase does not change (a fact is recorded). */
  to: Phase | 'same';
  roles: ReadonlyArray<Role>;
  /** The article of the 条例 (or notice) the rule comes from. */
  basis: string;
}

const handling: ReadonlyArray<Phase> = ['received', 'correction_requested', 'consultation', 'fee_pending', 'decided', 'approved'];
const anyAfterSubmit: ReadonlyArray<Phase> = ['submitted', ...handling, 'delivered', 'closed', 'withdrawn'];

export const transitionTable: ReadonlyArray<TransitionRule> = [
  { event: 'submit', from: ['none'], to: 'submitted', roles: ['citizen', 'clerk'], basis: '《条例》第二十九条' },
  { event: 'confirm_receipt', from: ['submitted'], to: 'received', roles: ['clerk'], basis: '《条例》第三十一条' },
  { event: 'request_correction', from: ['received'], to: 'correction_requested', roles: ['clerk', 'handler'], basis: '《条例》第三十条' },
  { event: 'correction_received', from: ['correction_requested'], to: 'received', roles: ['citizen', 'clerk'], basis: '《条例》第三十条' },
  { event: 'correction_expired', from: ['correction_requested'], to: 'closed', roles: ['system', 'clerk'], basis: '《条例》第三十条' },
  { event: 'start_consultation', from: ['received'], to: 'consultation', roles: ['clerk', 'handler'], basis: '《条例》第三十二条、第三十四条' },
  { event: 'end_consultation', from: ['consultation'], to: 'received', roles: ['clerk', 'handler'], basis: '《条例》第三十二条、第三十三条第二款' },
  // Extension needs the consent of the head of the disclosure office (Art. 33): the reviewer.
  { event: 'extend', from: ['received', 'consultation', 'decided', 'approved'], to: 'same', roles: ['reviewer'], basis: '《条例》第三十三条' },
  { event: 'issue_fee_notice', from: ['received'], to: 'fee_pending', roles: ['clerk', 'handler'], basis: '《条例》第四十二条、国办函〔2020〕109号' },
  { event: 'fee_paid', from: ['fee_pending'], to: 'received', roles: ['clerk', 'system'], basis: '国办函〔2020〕109号' },
  { event: 'fee_expired', from: ['fee_pending'], to: 'closed', roles: ['system', 'clerk'], basis: '国办函〔2020〕109号' },
  { event: 'assign', from: ['received', 'correction_requested', 'consultation', 'fee_pending'], to: 'same', roles: ['clerk', 'admin'], basis: '内部分办' },
  { event: 'decide', from: ['received'], to: 'decided', roles: ['handler', 'clerk'], basis: '《条例》第三十六条' },
  { event: 'approve', from: ['decided'], to: 'approved', roles: ['reviewer'], basis: '内部审核' },
  { event: 'reject', from: ['decided'], to: 'received', roles: ['reviewer'], basis: '内部审核' },
  // From 'decided' only where the body does not require approval (guards.ts).
  { event: 'deliver', from: ['approved', 'decided'], to: 'delivered', roles: ['clerk', 'handler'], basis: '《条例》第三十三条、第三十六条' },
  { event: 'withdraw', from: ['submitted', ...handling], to: 'withdrawn', roles: ['citizen', 'clerk'], basis: '申请人撤回申请' },
  { event: 'close', from: ['delivered'], to: 'closed', roles: ['clerk', 'admin', 'system'], basis: '归档' },
  // Reconsideration and lawsuits can come at any time, also against inaction before a reply.
  { event: 'record_review_result', from: anyAfterSubmit, to: 'same', roles: ['clerk', 'admin'], basis: '《条例》第五十一条' },
  { event: 'record_litigation_result', from: anyAfterSubmit, to: 'same', roles: ['clerk', 'admin'], basis: '《条例》第五十一条' },
];

const byEvent = new Map(transitionTable.map((r) => [r.event, r]));

export function ruleFor(event: EventType): TransitionRule {
  const rule = byEvent.get(event);
  if (!rule) throw new TypeError(`no transition rule for event ${event}`);
  return rule;
}
