// Where a request stands in its applicant's month, for the per-request fee of 国办函〔2020〕109号
// ("同一申请人一个自然月内"): requests to the same body received in the same calendar month from
// the same applicant — matched by the keyed fingerprint of the ID number (natural person) or by
// the unified social credit code (organisation), never by decrypting — in order of receipt.
import { fold, type FeeBasisView } from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import { loadForStaff } from '../../requests/commands/access';
import { AppError } from '../../errors';
import { RequestModel, type RequestRecord } from '../../requests/models/request';

type Candidate = Pick<RequestRecord, '_id' | 'events' | 'applicantType' | 'applicant' | 'createdAt'>;

function identityKey(r: Pick<RequestRecord, 'applicantType' | 'applicant'>): string | null {
  if (r.applicantType === 'natural_person') return r.applicant.idNumberFingerprint ? `p:${r.applicant.idNumberFingerprint}` : null;
  return r.applicant.creditCode ? `o:${r.applicant.creditCode}` : null;
}

export async function feeBasis(actor: StaffActor, requestId: string): Promise<FeeBasisView> {
  const request = await loadForStaff(actor, requestId);
  const receivedOn = fold(request.events).receivedOn;
  const who = identityKey(request);
  if (!receivedOn || !who) throw new AppError(409, 'NOT_RECEIVED', '该申请尚未受理或缺少申请人身份信息，无法按件计算');
  const month = receivedOn.slice(0, 7);
  const candidates = await RequestModel.find(
    { bodyId: request.bodyId },
    { events: 1, applicantType: 1, 'applicant.idNumberFingerprint': 1, 'applicant.creditCode': 1, createdAt: 1 },
  ).lean<Candidate[]>();
  const sameMonth = candidates
    .filter((c) => identityKey(c) === who)
    .map((c) => ({ id: c._id, on: fold(c.events).receivedOn, created: new Date(c.createdAt).getTime() }))
    .filter((c): c is { id: string; on: string; created: number } => c.on !== null && c.on.slice(0, 7) === month)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.created - b.created || (a.id < b.id ? -1 : 1)));
  return { month, ordinalInMonth: sameMonth.findIndex((c) => c.id === request._id) + 1, countInMonth: sameMonth.length };
}
