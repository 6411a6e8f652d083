// Subscribe-message consent. WeChat one-time subscriptions: each time the citizen accepts a
// template in wx.requestSubscribeMessage, we may send ONE message of it. The app reports each
// answer (POST /api/notifications/consent); a send consumes one; 43101 from WeChat means the
// citizen refused or the grant is gone, so what we counted is dropped. One small document per
// citizen × template (`<citizenId>:<templateKey>`), read and written by `_id` only — kept out
// of the citizen document so sign-ins and sends never overwrite each other's writes.
import mongoose, { Schema } from 'mongoose';
import type { SubscribeTemplateKey } from '../config';
import { updateVersioned } from '../storage/versioned';

/** WeChat accepts a burst of requests; we keep at most this many unused grants. */
export const MAX_GRANTS = 50;

export interface ConsentDoc {
  _id: string;
  citizenId: string;
  templateKey: SubscribeTemplateKey;
  /** Messages we may still send. */
  available: number;
  acceptedTotal: number;
  consumedTotal: number;
  lastAcceptedAt: Date | null;
  refusedAt: Date | null;
  version: number;
}

const consentSchema = new Schema<ConsentDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String, required: true },
    templateKey: { type: String, required: true },
    available: { type: Number, default: 0 },
    acceptedTotal: { type: Number, default: 0 },
    consumedTotal: { type: Number, default: 0 },
    lastAcceptedAt: { type: Date, default: null },
    refusedAt: { type: Date, default: null },
    version: { type: Number, default: 0 },
  },
  { collection: 'subscribeconsents', versionKey: false },
);

export const SubscribeConsent = mongoose.model<ConsentDoc>('SubscribeConsent', consentSchema);

const consentId = (citizenId: string, key: SubscribeTemplateKey) => `${citizenId}:${key}`;

type Fields = Omit<ConsentDoc, '_id' | 'version'>;
const empty = (citizenId: string, templateKey: SubscribeTemplateKey): Fields => ({
  citizenId,
  templateKey,
  available: 0,
  acceptedTotal: 0,
  consumedTotal: 0,
  lastAcceptedAt: null,
  refusedAt: null,
});
const fieldsOf = (d: ConsentDoc | null, citizenId: string, key: SubscribeTemplateKey): Fields => {
  if (!d) return empty(citizenId, key);
  const { _id: _i, version: _v, ...rest } = d;
  return rest;
};

/** Records the citizen's answer in wx.requestSubscribeMessage; returns how many sends are available. */
export async function recordConsent(citizenId: string, key: SubscribeTemplateKey, accepted: boolean, at: Date): Promise<number> {
  return updateVersioned(SubscribeConsent, consentId(citizenId, key), (current) => {
    const f = fieldsOf(current, citizenId, key);
    const next: Fields = accepted
      ? { ...f, available: Math.min(f.available + 1, MAX_GRANTS), acceptedTotal: f.acceptedTotal + 1, lastAcceptedAt: at, refusedAt: null }
      : { ...f, refusedAt: at };
    return { next, result: next.available };
  });
}

/** Takes one grant for a message; false when there is none. */
export async function consumeConsent(citizenId: string, key: SubscribeTemplateKey): Promise<boolean> {
  return updateVersioned(SubscribeConsent, consentId(citizenId, key), (current) => {
    if (!current || current.available <= 0) return { next: null, result: false };
    const f = fieldsOf(current, citizenId, key);
    return { next: { ...f, available: f.available - 1, consumedTotal: f.consumedTotal + 1 }, result: true };
  });
}

/** WeChat answered 43101: the citizen refused or has no grant left — forget what we counted. */
export async function markRefused(citizenId: string, key: SubscribeTemplateKey, at: Date): Promise<void> {
  await updateVersioned(SubscribeConsent, consentId(citizenId, key), (current) => {
    const f = fieldsOf(current, citizenId, key);
    return { next: { ...f, available: 0, refusedAt: at }, result: undefined };
  });
}

export async function availableConsent(citizenId: string, key: SubscribeTemplateKey): Promise<number> {
  const doc = await SubscribeConsent.findById(consentId(citizenId, key)).lean<ConsentDoc>();
  return doc?.available ?? 0;
}
