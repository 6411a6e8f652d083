// ratelimits: fixed-window hit counters shared by every instance (issue 10). `_id` is
// 'rl:<name>:<key>:<window start ms>', so counting a hit is one upsert by `_id`.
// Old windows are swept by middleware/rateLimit.ts (no TTL indexes on FerretDB).
import mongoose, { Schema } from 'mongoose';

export interface RateLimitCounterDoc {
  _id: string;
  count: number;
  expiresAt: Date;
}

const rateLimitCounterSchema = new Schema<RateLimitCounterDoc>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'ratelimits', versionKey: false },
);

export const RateLimitCounter = mongoose.model<RateLimitCounterDoc>('RateLimitCounter', rateLimitCounterSchema);
