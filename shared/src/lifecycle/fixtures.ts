// Event builders for tests (not exported from the package index).
import type { LegalDate } from '../calendar/dates';
import type { EventType, RequestEvent } from './events';
import type { Role } from './roles';

const defaultActor: Record<Role, string> = { citizen: 'u-citizen', clerk: 's-clerk', handler: 's-handler', reviewer: 's-reviewer', admin: 's-admin', system: 'scheduler' };

/** Payloads that pass the schema (and, on a plain path, the guards). */
export const samplePayloads: { [T in EventType]: Omit<Extract<RequestEvent, { type: T }>, 'type' | 'at' | 'on' | 'actor'> } = {
  submit: { channel: 'online' },
  confirm_receipt: {},
  request_correction: { items: ['请写明所需信息的文件名称或文号'], dueOn: '2024-03-25' },
  correction_received: { content: '所需信息为《某某县2023年财政预算》' },
  correction_expired: {},
  start_consultation: { party: 'third_party', with: '某某公司' },
  end_consultation: { reply: 'agreed' },
  extend: { days: 20, reason: '需要调取档案' },
  issue_fee_notice: { amount: 100, basis: 'per_request' },
  fee_paid: {},
  fee_expired: {},
  assign: { assignee: { id: 's-handler', department: '县财政局' } },
  decide: { outcome: 'open', legalBasis: '', replyText: '经查，您申请的信息予以公开，见附件。' },
  approve: {},
  reject: { comment: '法律依据引用不准确' },
  deliver: { method: 'email' },
  withdraw: { reason: '不再需要' },
  close: {},
  record_review_result: { caseId: 'FY-2024-1', result: 'pending' },
  record_litigation_result: { caseId: 'SS-2024-1', kind: 'direct', result: 'pending' },
};

export function ev<T extends EventType>(
  type: T,
  on: LegalDate,
  role: Role,
  payload: Partial<Omit<Extract<RequestEvent, { type: T }>, 'type' | 'at' | 'on' | 'actor'>> = {},
  actorId?: string,
): Extract<RequestEvent, { type: T }> {
  return {
    type,
    at: `${on}T02:00:00.000Z`,
    on,
    actor: { role, id: actorId ?? defaultActor[role] },
    ...samplePayloads[type],
    ...payload,
  } as unknown as Extract<RequestEvent, { type: T }>;
}
