// The year's proactive-disclosure figures of one body, as the annual report quotes them:
// section 一 (items by category, 文件 issued in the body's name, original and reposted
// posts on the new-media accounts) and table 二 第二十条第（一）项 (规章 and 行政规范性文件
// issued / abolished in the year and in force at its end). Pure: the server loads the
// records, this folds them.
import { legalDateOf, type LegalDate } from '../calendar/dates';
import type { AccountPlatform, AccountStatus } from './accounts';
import { isNewMedia } from './accounts';
import { categoryInfo, contentCategories, type ContentCategory, type ContentOrigin } from './categories';

export interface CountableItem {
  category: ContentCategory;
  /** published items only; instant it went public */
  publishedAt: Date | string;
  document?: { issuedOn?: LegalDate; abolishedOn?: LegalDate };
}

export interface CountablePost {
  accountId: string;
  origin: ContentOrigin;
  postedAt: Date | string;
}

export interface CountableAccount {
  id: string;
  name: string;
  platform: AccountPlatform;
  status: AccountStatus;
}

export interface ValidityCounts {
  /** 本年制发件数 */
  issued: number;
  /** 本年废止件数 */
  abolished: number;
  /** 现行有效件数 (at 31 December) */
  inForce: number;
}

export interface AccountPostCounts {
  accountId: string;
  name: string;
  platform: AccountPlatform;
  status: AccountStatus;
  original: number;
  repost: number;
}

export interface MediaCounts {
  bodyId: string;
  year: number;
  /** items that went public in the year (Asia/Shanghai), every category present */
  itemsByCategory: Record<ContentCategory, number>;
  /** 以本机关名义制发的文件 (categories with isDocument) that went public in the year */
  documents: number;
  /** posts on the body's new-media accounts (a website is not one) in the year */
  newMedia: { accounts: AccountPostCounts[]; original: number; repost: number };
  normativeDocs: ValidityCounts;
  rules: ValidityCounts;
}

const inYear = (instant: Date | string, year: number) => legalDateOf(instant).startsWith(`${year}-`);

export function validityCounts(items: ReadonlyArray<CountableItem>, category: 'normative_doc' | 'rules', year: number): ValidityCounts {
  const yearEnd = `${year}-12-31`;
  let issued = 0;
  let abolished = 0;
  let inForce = 0;
  for (const item of items) {
    if (item.category !== category) continue;
    const issuedOn = item.document?.issuedOn;
    const abolishedOn = item.document?.abolishedOn;
    if (!issuedOn) continue;
    if (issuedOn.startsWith(`${year}-`)) issued += 1;
    if (abolishedOn?.startsWith(`${year}-`)) abolished += 1;
    if (issuedOn <= yearEnd && (!abolishedOn || abolishedOn > yearEnd)) inForce += 1;
  }
  return { issued, abolished, inForce };
}

export function countMedia(input: {
  bodyId: string;
  year: number;
  items: ReadonlyArray<CountableItem>;
  posts: ReadonlyArray<CountablePost>;
  accounts: ReadonlyArray<CountableAccount>;
}): MediaCounts {
  const { year } = input;
  const itemsByCategory = Object.fromEntries(contentCategories.map((c) => [c, 0])) as Record<ContentCategory, number>;
  let documents = 0;
  for (const item of input.items) {
    if (!inYear(item.publishedAt, year)) continue;
    itemsByCategory[item.category] += 1;
    if (categoryInfo[item.category].isDocument) documents += 1;
  }

  const perAccount = new Map<string, AccountPostCounts>();
  for (const a of input.accounts) {
    if (isNewMedia(a.platform)) perAccount.set(a.id, { accountId: a.id, name: a.name, platform: a.platform, status: a.status, original: 0, repost: 0 });
  }
  for (const post of input.posts) {
    const counts = perAccount.get(post.accountId);
    if (!counts || !inYear(post.postedAt, year)) continue;
    counts[post.origin] += 1;
  }
  const accounts = [...perAccount.values()];
  return {
    bodyId: input.bodyId,
    year,
    itemsByCategory,
    documents,
    newMedia: {
      accounts,
      original: accounts.reduce((n, a) => n + a.original, 0),
      repost: accounts.reduce((n, a) => n + a.repost, 0),
    },
    normativeDocs: validityCounts(input.items, 'normative_doc', year),
    rules: validityCounts(input.items, 'rules', year),
  };
}
