// The registry of new-media accounts: open (开设) an account, record what happened to it
// later (变更 / 关停 / 注销 / 整合, each with its 备案 date), store its API credentials, list
// accounts by status and the year's changes (the annual report mentions the clean-ups).
import { randomBytes } from 'node:crypto';
import { accountActionLabels, accountEventRefusal, accountStatusOf, type AccountAction, type AccountPlatform, type AccountStatus } from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import { sealCredentials } from '../credentials';
import { touchFeeds } from '../feeds/stamp';
import { accountNotFound, refused } from '../errors';
import { MediaAccount, type AccountHistoryRecord, type MediaAccountDoc } from '../models/account';
import { assertBodyAccess } from './access';
import { requeueAfterCredentials } from './deliveries';
import { updateAtVersion, withDocument } from './write';

export interface CreateAccountInput {
  bodyId?: string;
  platform: AccountPlatform;
  name: string;
  handle?: string;
  url?: string;
  /** 开设日期 */
  openedOn: string;
  /** 备案日期 */
  filedOn?: string;
  note?: string;
  credentials?: unknown;
}

export async function createAccount(actor: StaffActor, input: CreateAccountInput): Promise<MediaAccountDoc> {
  const bodyId = input.bodyId ?? actor.bodyId;
  await assertBodyAccess(actor, bodyId);
  const event: AccountHistoryRecord = { action: 'open', on: input.openedOn, ...(input.filedOn ? { filedOn: input.filedOn } : {}), ...(input.note ? { note: input.note } : {}), by: { staffId: actor.staffId }, at: new Date() };
  const now = new Date();
  const doc = await MediaAccount.create({
    _id: `acc_${randomBytes(8).toString('hex')}`,
    bodyId,
    platform: input.platform,
    name: input.name,
    ...(input.handle ? { handle: input.handle } : {}),
    ...(input.url ? { url: input.url } : {}),
    status: 'operating',
    history: [event],
    ...(input.credentials !== undefined ? { credentials: sealCredentials(input.platform, input.credentials), credentialsUpdatedAt: now } : {}),
    demo: false,
    version: 0,
  });
  await touchFeeds(bodyId);
  return doc.toObject();
}

export async function loadAccount(actor: StaffActor, id: string): Promise<MediaAccountDoc> {
  const doc = await MediaAccount.findById(id).lean();
  if (!doc) throw accountNotFound();
  await assertBodyAccess(actor, doc.bodyId, accountNotFound());
  return doc;
}

export interface AccountEventInput {
  version: number;
  action: AccountAction;
  on: string;
  filedOn?: string;
  note?: string;
  mergedInto?: string;
  /** 变更: the new name / handle / homepage */
  name?: string;
  handle?: string;
  url?: string;
}

export async function recordAccountEvent(actor: StaffActor, id: string, input: AccountEventInput): Promise<MediaAccountDoc> {
  return withDocument('mediaaccounts', id, async () => {
    const doc = await loadAccount(actor, id);
    const last = doc.history[doc.history.length - 1];
    const refusal = accountEventRefusal(accountStatusOf(doc.history), input, last?.on);
    if (refusal) throw refused(refusal, 'account_event');
    if (input.action === 'merge') {
      if (input.mergedInto === id) throw refused('不能整合到账号自身', 'account_event');
      const target = await MediaAccount.findById(input.mergedInto, { bodyId: 1 }).lean();
      if (!target) throw refused('并入的账号不存在', 'account_event');
    }
    const changes: Record<string, [string | null, string | null]> = {};
    const set: Partial<MediaAccountDoc> = {};
    if (input.action === 'change') {
      for (const field of ['name', 'handle', 'url'] as const) {
        const next = input[field];
        if (next !== undefined && next !== doc[field]) {
          changes[field] = [doc[field] ?? null, next];
          set[field] = next;
        }
      }
      if (Object.keys(changes).length === 0 && !input.note) throw refused('变更须说明变更的内容（名称、账号或主页，或备注）', 'account_event');
    }
    const event: AccountHistoryRecord = {
      action: input.action,
      on: input.on,
      ...(input.filedOn ? { filedOn: input.filedOn } : {}),
      ...(input.note ? { note: input.note } : {}),
      ...(input.mergedInto ? { mergedInto: input.mergedInto } : {}),
      ...(Object.keys(changes).length ? { changes } : {}),
      by: { staffId: actor.staffId },
      at: new Date(),
    };
    const history = [...doc.history, event];
    const updated = await updateAtVersion(MediaAccount, id, input.version, { $set: { ...set, history, status: accountStatusOf(history)! } });
    await touchFeeds(updated.bodyId);
    return updated;
  });
}

/** Stores new credentials; deliveries that failed because the old ones were rejected are tried again. */
export async function setAccountCredentials(actor: StaffActor, id: string, input: { version: number; credentials: unknown }, requeue = requeueAfterCredentials): Promise<{ account: MediaAccountDoc; requeued: number }> {
  const account = await withDocument('mediaaccounts', id, async () => {
    const doc = await loadAccount(actor, id);
    return updateAtVersion(MediaAccount, id, input.version, { $set: { credentials: sealCredentials(doc.platform, input.credentials), credentialsUpdatedAt: new Date() } });
  });
  const requeued = await requeue(actor, account._id);
  return { account, requeued };
}

export async function listAccounts(actor: StaffActor, filter: { bodyId?: string; status?: AccountStatus; platform?: AccountPlatform }): Promise<MediaAccountDoc[]> {
  const bodyId = filter.bodyId ?? actor.bodyId;
  await assertBodyAccess(actor, bodyId);
  const docs = await MediaAccount.find({ bodyId, ...(filter.status ? { status: filter.status } : {}), ...(filter.platform ? { platform: filter.platform } : {}) }).lean();
  return docs.sort((a, b) => a.platform.localeCompare(b.platform) || a.name.localeCompare(b.name, 'zh'));
}

export interface AccountChange {
  accountId: string;
  accountName: string;
  platform: AccountPlatform;
  action: AccountAction;
  actionLabel: string;
  on: string;
  filedOn: string | null;
  note: string | null;
  mergedInto: string | null;
  changes: Record<string, [string | null, string | null]> | null;
}

/** Every registry event of the year (by the day it took effect), oldest first, with totals per action. */
export async function accountChanges(actor: StaffActor, filter: { bodyId?: string; year: number }): Promise<{ year: number; changes: AccountChange[]; totals: Record<AccountAction, number> }> {
  const accounts = await listAccounts(actor, filter.bodyId ? { bodyId: filter.bodyId } : {});
  const prefix = `${filter.year}-`;
  const changes: AccountChange[] = [];
  for (const a of accounts) {
    for (const e of a.history) {
      if (!e.on.startsWith(prefix)) continue;
      changes.push({ accountId: a._id, accountName: a.name, platform: a.platform, action: e.action, actionLabel: accountActionLabels[e.action], on: e.on, filedOn: e.filedOn ?? null, note: e.note ?? null, mergedInto: e.mergedInto ?? null, changes: e.changes ?? null });
    }
  }
  changes.sort((x, y) => x.on.localeCompare(y.on) || x.accountName.localeCompare(y.accountName, 'zh'));
  const totals = { open: 0, change: 0, close: 0, cancel: 0, merge: 0 } as Record<AccountAction, number>;
  for (const c of changes) totals[c.action] += 1;
  return { year: filter.year, changes, totals };
}
