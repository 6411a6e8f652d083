// loginattempts: failed staff sign-ins per username as typed (normalised), `_id` =
// 'staff:<username>'. Kept apart from `staff` so a username that does not exist is counted
// and locked exactly like one that does (no account enumeration).
import mongoose, { Schema } from 'mongoose';

export interface LoginAttemptDoc {
  _id: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil?: Date;
}

const loginAttemptSchema = new Schema<LoginAttemptDoc>(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true },
    lastFailureAt: { type: Date, required: true },
    lockedUntil: { type: Date },
  },
  { collection: 'loginattempts', versionKey: false },
);

export const LoginAttempt = mongoose.model<LoginAttemptDoc>('LoginAttempt', loginAttemptSchema);
