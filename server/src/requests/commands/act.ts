// Lifecycle actions through the API: staff fire any event of the shared lifecycle their role may
// fire now; the citizen answers a correction request or withdraws. Everything goes through
// fireEvent (authorised by shared availableActions, validated by shared transition).
import { feeQuote, type FeeInput, type LegalDate, type Role } from '@zwgk/shared';
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { AppError, validationFailed } from '../../errors';
import { Staff } from '../../models/staff';
import { citizenMaySee, staffMaySee } from './access';
import { today, type RequestsDeps } from './deps';
import { fireEvent, type FireResult } from './fire';

/** A staff action as validated by the route schema: the event type, its payload, and the version. */
export type StaffAction = { type: string; version: number; on?: LegalDate; note?: string } & Record<string, unknown>;

const CONTROL_KEYS = new Set(['type', 'version', 'on', 'note']);

function checkDate(deps: RequestsDeps, on: LegalDate | undefined): void {
  if (on !== undefined && on > today(deps)) throw validationFailed([{ field: 'on', message: '日期不能晚于今天' }]);
}

async function assigneeOf(bodyId: string, assigneeId: string, department: unknown) {
  const staff = await Staff.findById(assigneeId, { name: 1, bodyId: 1, active: 1 }).lean();
  if (!staff || !staff.active || staff.bodyId !== bodyId) throw validationFailed([{ field: 'assigneeId', message: '承办人不存在或不属于本机关' }]);
  return { id: staff._id, name: staff.name, ...(typeof department === 'string' && department.trim() ? { department: department.trim() } : {}) };
}

export async function staffAct(deps: RequestsDeps, actor: StaffActor, requestId: string, action: StaffAction): Promise<FireResult> {
  checkDate(deps, action.on);
  const rest = Object.fromEntries(Object.entries(action).filter(([k]) => !CONTROL_KEYS.has(k)));
  return fireEvent(deps, {
    requestId,
    mayAccess: (r) => staffMaySee(actor, r),
    role: actor.role as Role,
    actorId: actor.staffId,
    type: action.type as FireResult['event']['type'],
    ...(action.on ? { on: action.on } : {}),
    ...(action.note ? { note: action.note } : {}),
    expectVersion: action.version,
    payload: async (_state, record) => {
      if (action.type === 'issue_fee_notice') {
        // The amount is the shared fee function's, never typed in by hand (国办函〔2020〕109号).
        const quote = feeQuote(rest.fee as FeeInput);
        if (quote.amount <= 0) throw new AppError(422, 'ACTION_REFUSED', `${quote.steps.join('')}无需发出收费通知。`, { refusal: 'fee_not_chargeable' });
        return { amount: quote.amount, basis: quote.basis, computation: quote.steps, ...(rest.noticeReceivedOn ? { noticeReceivedOn: rest.noticeReceivedOn } : {}) };
      }
      if (action.type === 'assign') return { assignee: await assigneeOf(record.bodyId, String(rest.assigneeId), rest.department) };
      return rest;
    },
  });
}

export async function citizenCorrect(deps: RequestsDeps, actor: CitizenActor, requestId: string, answers: string[], version: number | undefined): Promise<FireResult> {
  return fireEvent(deps, {
    requestId,
    mayAccess: (r) => citizenMaySee(actor, r),
    role: 'citizen',
    actorId: actor.citizenId,
    type: 'correction_received',
    ...(version !== undefined ? { expectVersion: version } : {}),
    payload: (state) => {
      // Art. 30: the office tells everything to correct at once; the answer addresses exactly those points.
      const items = state.correction?.items ?? [];
      if (answers.length !== items.length) {
        throw validationFailed([{ field: 'answers', message: `请逐项答复补正事项（共${items.length}项，收到${answers.length}项）` }]);
      }
      const content = items.map((item, i) => `${i + 1}. ${item}\n答：${answers[i]}`).join('\n');
      if (content.length > 5000) throw validationFailed([{ field: 'answers', message: '补正内容合计不超过5000个字' }]);
      return { content };
    },
  });
}

export async function citizenWithdraw(deps: RequestsDeps, actor: CitizenActor, requestId: string, reason: string | undefined, version: number | undefined): Promise<FireResult> {
  return fireEvent(deps, {
    requestId,
    mayAccess: (r) => citizenMaySee(actor, r),
    role: 'citizen',
    actorId: actor.citizenId,
    type: 'withdraw',
    ...(version !== undefined ? { expectVersion: version } : {}),
    payload: () => (reason ? { reason } : {}),
  });
}
