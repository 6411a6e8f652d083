// mediaaccounts: the registry of government new-media accounts (政务新媒体) and other
// channels an item can be delivered to. The status is a cached fold of `history`
// (shared/src/media/accounts.ts); API credentials are one encrypted JSON blob
// (server/src/pii.ts) and never leave the server.
import mongoose, { Schema } from 'mongoose';
import type { AccountAction, AccountPlatform, AccountStatus } from '@zwgk/shared';

export interface AccountHistoryRecord {
  action: AccountAction;
  /** 'YYYY-MM-DD' the change took effect */
  on: string;
  /** 'YYYY-MM-DD' it was filed (备案) */
  filedOn?: string;
  note?: string;
  mergedInto?: string;
  /** what changed (变更): e.g. { name: ['旧名', '新名'] } */
  changes?: Record<string, [string | null, string | null]>;
  by: { staffId: string };
  at: Date;
}

export interface MediaAccountDoc {
  _id: string;
  bodyId: string;
  platform: AccountPlatform;
  name: string;
  /** 微信号 / 微博昵称 / 抖音号…, for staff */
  handle?: string;
  /** public homepage of the account */
  url?: string;
  status: AccountStatus;
  history: AccountHistoryRecord[];
  /** encryptPii(JSON of AccountCredentials) */
  credentials?: string;
  credentialsUpdatedAt?: Date;
  demo: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const historySchema = new Schema<AccountHistoryRecord>(
  {
    action: { type: String, required: true },
    on: { type: String, required: true },
    filedOn: String,
    note: String,
    mergedInto: String,
    changes: Schema.Types.Mixed,
    by: { staffId: { type: String, required: true } },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const accountSchema = new Schema<MediaAccountDoc>(
  {
    _id: { type: String, required: true },
    bodyId: { type: String, required: true },
    platform: { type: String, required: true },
    name: { type: String, required: true },
    handle: String,
    url: String,
    status: { type: String, required: true },
    history: { type: [historySchema], default: [] },
    credentials: String,
    credentialsUpdatedAt: Date,
    demo: { type: Boolean, default: false },
    version: { type: Number, default: 0 },
  },
  { collection: 'mediaaccounts', timestamps: true, versionKey: false },
);

export const MediaAccount = mongoose.model<MediaAccountDoc>('MediaAccount', accountSchema);
