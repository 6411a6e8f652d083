// Demo staff accounts (listed in the README; demo mode only, never in production): one per
// role in the county government office — the admin county-wide — and a clerk and a handler
// of the education bureau (a body without review), so the console shows two bodies' inboxes.
import type { StaffRole } from '../auth/actor';
import { upsertStaff } from '../auth/accounts';
import { PINGWU_GOV_OFFICE } from './bodies';

/** The one password of every demo account (README). */
export const DEMO_STAFF_PASSWORD = 'Pingwu-demo-2026';

export interface DemoStaff {
  username: string;
  name: string;
  role: StaffRole;
  bodyId: string;
  countyWide?: boolean;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'pw_clerk', name: '李晓燕', role: 'clerk', bodyId: PINGWU_GOV_OFFICE },
  { username: 'pw_handler', name: '王建国', role: 'handler', bodyId: PINGWU_GOV_OFFICE },
  { username: 'pw_reviewer', name: '张丽华', role: 'reviewer', bodyId: PINGWU_GOV_OFFICE },
  { username: 'pw_admin', name: '陈志强', role: 'admin', bodyId: PINGWU_GOV_OFFICE, countyWide: true },
  { username: 'edu_clerk', name: '刘芳', role: 'clerk', bodyId: 'pingwu-education' },
  { username: 'edu_handler', name: '赵磊', role: 'handler', bodyId: 'pingwu-education' },
];

/** Stable id of a demo account: 'staff-<username>'. */
export const demoStaffId = (username: string) => `staff-${username}`;

export async function seedStaff(): Promise<number> {
  for (const s of DEMO_STAFF) {
    await upsertStaff({ id: demoStaffId(s.username), password: DEMO_STAFF_PASSWORD, ...s });
  }
  return DEMO_STAFF.length;
}
