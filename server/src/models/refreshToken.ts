// refreshtokens: one document per issued refresh token (`_id` = the token's jti). Rotation:
// each token is used once (usedAt) and replaced by a new one of the same family; presenting
// a used token again means it was stolen (or replayed), so the whole family is revoked
// (auth/tokens.ts). Expired documents are removed by a sweep (no TTL indexes on FerretDB).
import mongoose, { Schema } from 'mongoose';

export type TokenSubjectKind = 'citizen' | 'staff';

export interface RefreshTokenDoc {
  _id: string;
  /** All tokens descending from one sign-in share the family id. */
  family: string;
  subjectKind: TokenSubjectKind;
  subjectId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt?: Date;
  /** jti of the token that replaced this one. */
  replacedBy?: string;
  revokedAt?: Date;
  revokedReason?: 'reuse' | 'logout' | 'account';
}

const refreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    _id: { type: String, required: true },
    family: { type: String, required: true },
    subjectKind: { type: String, enum: ['citizen', 'staff'], required: true },
    subjectId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date },
    replacedBy: { type: String },
    revokedAt: { type: Date },
    revokedReason: { type: String },
  },
  { collection: 'refreshtokens', versionKey: false },
);

export const RefreshToken = mongoose.model<RefreshTokenDoc>('RefreshToken', refreshTokenSchema);
