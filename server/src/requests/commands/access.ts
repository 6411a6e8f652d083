// Who may see which request. A citizen sees only their own; staff see their body's, a
// county-wide admin the whole county's. Anyone else gets the same 404 as for a request that
// does not exist, so ids and numbers cannot be probed.
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { staffCanSeeBody } from '../../auth/middleware';
import { notFound } from '../../errors';
import { RequestModel, type RequestRecord } from '../models/request';

const ID = /^[A-Za-z0-9_-]{8,64}$/;

export const requestNotFound = () => notFound('未找到该申请', 'REQUEST_NOT_FOUND');

export async function loadRequest(id: string): Promise<RequestRecord | null> {
  if (!ID.test(id)) return null;
  return RequestModel.findById(id).lean<RequestRecord>();
}

export function citizenMaySee(actor: CitizenActor, r: Pick<RequestRecord, 'citizenId'>): boolean {
  return r.citizenId !== null && r.citizenId === actor.citizenId;
}

export function staffMaySee(actor: StaffActor, r: Pick<RequestRecord, 'bodyId' | 'county'>): boolean {
  return staffCanSeeBody(actor, { id: r.bodyId, county: r.county });
}

export async function loadForCitizen(actor: CitizenActor, id: string): Promise<RequestRecord> {
  const r = await loadRequest(id);
  if (!r || !citizenMaySee(actor, r)) throw requestNotFound();
  return r;
}

export async function loadForStaff(actor: StaffActor, id: string): Promise<RequestRecord> {
  const r = await loadRequest(id);
  if (!r || !staffMaySee(actor, r)) throw requestNotFound();
  return r;
}
