// The registry of government new-media accounts (政务新媒体). 国办发〔2018〕123号
// requires every account to be filed (备案) when it is opened, changed, shut
// down, cancelled or merged; the annual report says how often the registry
// was cleaned up. The status of an account is a fold over its history.
import type { LegalDate } from '../calendar/dates';

export const accountPlatforms = ['wechat_oa', 'weibo', 'douyin', 'toutiao', 'website', 'other'] as const;
export type AccountPlatform = (typeof accountPlatforms)[number];

export const platformLabels: Record<AccountPlatform, string> = {
  wechat_oa: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  website: '政府网站',
  other: '其他',
};

/** Platforms that count as 政务新媒体 in the report (a website is not one). */
export function isNewMedia(platform: AccountPlatform): boolean {
  return platform !== 'website';
}

export const accountActions = ['open', 'change', 'close', 'cancel', 'merge'] as const;
export type AccountAction = (typeof accountActions)[number];

export const accountActionLabels: Record<AccountAction, string> = { open: '开设', change: '变更', close: '关停', cancel: '注销', merge: '整合' };

export type AccountStatus = 'operating' | 'closed' | 'cancelled' | 'merged';
export const accountStatuses: ReadonlyArray<AccountStatus> = ['operating', 'closed', 'cancelled', 'merged'];
export const accountStatusLabels: Record<AccountStatus, string> = { operating: '运营中', closed: '已关停', cancelled: '已注销', merged: '已整合' };

export interface AccountEvent {
  action: AccountAction;
  /** the day it took effect */
  on: LegalDate;
  /** the day it was filed (备案) with the supervising office */
  filedOn?: LegalDate;
  note?: string;
  /** merge: the account it was merged into */
  mergedInto?: string;
}

const after: Record<AccountAction, AccountStatus> = { open: 'operating', change: 'operating', close: 'closed', cancel: 'cancelled', merge: 'merged' };

/**
 * Why `action` cannot follow the current status (Chinese), or null.
 * The first event is 开设; 注销 and 整合 are final; a shut-down account may be reopened.
 */
export function accountEventRefusal(current: AccountStatus | null, event: AccountEvent, lastOn?: LegalDate): string | null {
  const label = accountActionLabels[event.action];
  if (current === null) return event.action === 'open' ? null : '新账号的第一条记录应为“开设”';
  if (current === 'cancelled' || current === 'merged') return `账号${accountStatusLabels[current]}，不能再${label}`;
  if (event.action === 'open' && current === 'operating') return '账号已在运营中，不能重复开设';
  if (event.action === 'change' && current !== 'operating') return '账号已关停，需先重新开设才能变更';
  if (event.action === 'close' && current !== 'operating') return '账号已关停';
  if (event.action === 'merge' && !event.mergedInto) return '整合须注明并入的账号';
  if (lastOn && event.on < lastOn) return `${label}日期不能早于上一条记录（${lastOn}）`;
  return null;
}

/** The status after the whole history (null for an empty one). */
export function accountStatusOf(history: ReadonlyArray<Pick<AccountEvent, 'action'>>): AccountStatus | null {
  const last = history[history.length - 1];
  return last ? after[last.action] : null;
}

/** Whether the account may receive new posts on `date`. */
export function canPostTo(status: AccountStatus | null): boolean {
  return status === 'operating';
}
