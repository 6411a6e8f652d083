// Who is signed in to the console (GET /api/me for a staff token; the profile is shared/src/api/auth.ts's).
import { ruleFor, type StaffProfile } from '@zwgk/shared';

export type { StaffProfile, StaffRole } from '@zwgk/shared';

/**
 * Supervision (督办) is the office head's view: the reviewer is the head of the disclosure office
 * (roleLabels: 审核人 = 政府信息公开工作机构负责人, who also approves extensions, Art. 33); a
 * county-wide admin watches every body of the county.
 */
/** The working-day calendar is one per county: its county-wide administrator keeps it. */
export function mayKeepCalendar(profile: Pick<StaffProfile, 'role' | 'countyWide'>): boolean {
  return profile.role === 'admin' && profile.countyWide;
}

export function maySupervise(profile: Pick<StaffProfile, 'role'>): boolean {
  return profile.role === 'reviewer' || profile.role === 'admin';
}

/**
 * Registering a paper, post, fax or e-mail request is a submission confirmed at once (the server
 * fires `submit` and `confirm_receipt`), so the role must be allowed both by the lifecycle table.
 */
export function mayRegister(profile: Pick<StaffProfile, 'role'>): boolean {
  return ruleFor('submit').roles.includes(profile.role) && ruleFor('confirm_receipt').roles.includes(profile.role);
}

/** The annual report is written by the office (clerk) and signed off by its head (reviewer) or the admin. */
export function mayEditReport(profile: Pick<StaffProfile, 'role'>): boolean {
  return profile.role !== 'handler';
}

/**
 * The full identity (ID number, phone, address) is for the people who must contact or identify the
 * applicant: the clerk, the handler and the reviewer of the body (StaffIdentityResponse); every
 * view is audited by the server. A county-wide admin supervises and does not need it.
 */
export function mayViewIdentity(profile: Pick<StaffProfile, 'role'>): boolean {
  return profile.role === 'clerk' || profile.role === 'handler' || profile.role === 'reviewer';
}

/** Publishing freezes the year's report: the head of the office (reviewer) or the admin (server: EDITORS). */
export function mayPublishReport(profile: Pick<StaffProfile, 'role'>): boolean {
  return profile.role === 'reviewer' || profile.role === 'admin';
}
