// citizens: people who sign in through the mini-program (WeChat openid) or, in demo mode,
// the development login of the H5 build. `_id` is derived from the openid (citizenId()),
// so signing in is one upsert by `_id` — race-free and indexed on FerretDB — and the id
// that travels in tokens and URLs reveals nothing about the person.
// Personal data kept for the citizen's convenience (savedIdentities) is encrypted (pii.ts).
import { createHash } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';

export type CitizenChannel = 'wechat' | 'dev';

/** An applicant identity the citizen saved to refill the filing form; PII encrypted. */
export interface SavedIdentity {
  id: string;
  label: string;
  name: string;
  idType: string;
  /** encryptPii output */
  idNumber: string;
  idNumberMasked: string;
  /** encryptPii output */
  phone?: string;
  phoneMasked?: string;
  createdAt: Date;
}

export interface CitizenDoc {
  _id: string;
  channel: CitizenChannel;
  /** WeChat openid of our mini-program (absent for dev citizens); needed to send subscribe messages. */
  openid?: string;
  /** Dev login only: the name typed on the H5 sign-in page. */
  nickname?: string;
  savedIdentities: SavedIdentity[];
  /** Subscribe-message consent per template key: how many messages may still be sent. */
  consents: Record<string, number>;
  lastLoginAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const savedIdentitySchema = new Schema<SavedIdentity>(
  {
    id: { type: String, required: true },
    label: { type: String, required: true },
    name: { type: String, required: true },
    idType: { type: String, required: true },
    idNumber: { type: String, required: true },
    idNumberMasked: { type: String, required: true },
    phone: { type: String },
    phoneMasked: { type: String },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

const citizenSchema = new Schema<CitizenDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: ['wechat', 'dev'], required: true },
    openid: { type: String },
    nickname: { type: String },
    savedIdentities: { type: [savedIdentitySchema], default: [] },
    consents: { type: Schema.Types.Mixed, default: {} },
    lastLoginAt: { type: Date },
  },
  // minimize:false keeps `consents: {}` so later `$inc` on consents.<key> has a parent.
  { collection: 'citizens', timestamps: true, versionKey: false, minimize: false },
);

export const Citizen = mongoose.model<CitizenDoc>('Citizen', citizenSchema);

/**
 * Stable citizen id for a sign-in identity: 'c' + 22 chars of SHA-256. Not keyed on purpose
 * (a key rotation must not split accounts); the openid it hides is stored in the document
 * anyway, so the hash protects only what travels outside the database.
 */
export function citizenId(channel: CitizenChannel, subject: string): string {
  return 'c' + createHash('sha256').update(`${channel}:${subject}`).digest('base64url').slice(0, 22);
}
