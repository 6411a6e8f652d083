// GET /api/me and the `me` part of every sign-in answer: who is signed in, without personal
// data (a citizen's identity stays in their requests; staff see their own work profile).
import type { MeResponse } from '@zwgk/shared';
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { unauthorized } from '../../errors';
import { Body } from '../../models/body';
import { Citizen } from '../../models/citizen';
import { STAFF_ROLE_LABEL, Staff } from '../../models/staff';

export async function profileOf(actor: CitizenActor | StaffActor): Promise<MeResponse> {
  if (actor.kind === 'citizen') {
    const citizen = await Citizen.findById(actor.citizenId).lean();
    if (!citizen) throw unauthorized('账号不存在，请重新登录');
    return {
      kind: 'citizen',
      id: citizen._id,
      channel: citizen.channel,
      ...(citizen.nickname ? { nickname: citizen.nickname } : {}),
      createdAt: citizen.createdAt.toISOString(),
    };
  }
  const staff = await Staff.findById(actor.staffId).lean();
  if (!staff || !staff.active) throw unauthorized('账号不存在或已停用，请重新登录');
  const body = await Body.findById(staff.bodyId).lean();
  return {
    kind: 'staff',
    id: staff._id,
    username: staff.username,
    name: staff.name,
    role: staff.role,
    roleLabel: STAFF_ROLE_LABEL[staff.role],
    body: { id: staff.bodyId, name: body?.name ?? staff.bodyId, kind: body?.kind ?? 'department' },
    county: staff.county,
    countyName: body?.countyName ?? staff.county,
    countyWide: staff.countyWide,
  };
}
