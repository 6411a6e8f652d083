// staff: accounts of the people who handle requests. Each is bound to one body (机关) with
// one role; a county-wide admin sees every body of its county. Passwords are argon2id
// hashes (never the password, never logged). Failed sign-ins are counted in
// `loginattempts` (auth/lockout.ts), keyed by the username as typed, so an unknown
// username locks exactly like a real one and the answer never tells them apart.
import mongoose, { Schema } from 'mongoose';
import type { StaffRole } from '../auth/actor';

export const STAFF_ROLES: readonly StaffRole[] = ['clerk', 'handler', 'reviewer', 'admin'];

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = {
  clerk: '受理人员',
  handler: '承办人员',
  reviewer: '审核人员',
  admin: '管理员',
};

export interface StaffDoc {
  _id: string;
  /** Sign-in name, lower-case ASCII (normaliseUsername). */
  username: string;
  passwordHash: string;
  /** Display name shown to colleagues and in the thread ("平武县政府办 王老师"). */
  name: string;
  role: StaffRole;
  bodyId: string;
  county: string;
  countyWide: boolean;
  /** Disabled accounts cannot sign in; refresh tokens of the account stop working. */
  active: boolean;
  lastLoginAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const staffSchema = new Schema<StaffDoc>(
  {
    _id: { type: String, required: true },
    username: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, enum: STAFF_ROLES, required: true },
    bodyId: { type: String, required: true },
    county: { type: String, required: true },
    countyWide: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
    lastLoginAt: { type: Date },
  },
  { collection: 'staff', timestamps: true, versionKey: false },
);

export const Staff = mongoose.model<StaffDoc>('Staff', staffSchema);

/** Usernames compare case-insensitively and without surrounding spaces. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}
