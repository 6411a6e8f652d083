// A lifecycle refusal (shared/src/lifecycle/guards.ts) as an HTTP error. Who-may-do-what and
// when-it-may-happen refusals are 403 (the action is not allowed now); a payload the rules reject
// (a date out of order, a missing legal basis) is 422; a malformed event is 400.
import type { RefusalCode } from '@zwgk/shared';
import { AppError } from '../../errors';

const validation: ReadonlySet<RefusalCode> = new Set<RefusalCode>([
  'date_order',
  'receipt_date_invalid',
  'correction_due_invalid',
  'fee_receipt_date_invalid',
  'outcome_needs_own_event',
  'legal_basis_required',
  'unclear_needs_correction',
  'case_kind_mismatch',
]);

export function refusalError(code: RefusalCode, reason: string): AppError {
  if (code === 'invalid_event') return new AppError(400, 'VALIDATION_FAILED', reason, { refusal: code });
  return new AppError(validation.has(code) ? 422 : 403, 'ACTION_REFUSED', reason, { refusal: code });
}

export const versionConflict = (current: number) =>
  new AppError(409, 'VERSION_CONFLICT', '该申请已被他人更新，请刷新后重试', { version: current });
