// Demo new-media data: the county's accounts and a 2023 year of proactively disclosed items
// whose counts equal the seed report's section 一 and table 二 (pingwu-2023-annual-report.txt):
//   文件 121 件 (政策文件 29, 行政规范性文件 2, 其他文件 90), 政策解读 32, 概况信息 158,
//   会议信息 22, 规划计划 14; on the county's new-media accounts 3554 original posts and
//   133 reposts; 行政规范性文件 issued 2, abolished 2, in force 8 at the year's end (the 8
//   older ones: 6 still in force, 2 abolished in 2023).
// Everything is marked `demo: true`, has a deterministic `_id` (a re-run inserts nothing
// twice) and is inserted in batches (≈ 4 000 items and 3 700 posts: a few seconds on the
// embedded database, once, when the demo step has not run yet).
import type { AccountPlatform, ContentCategory, ReviewRecord } from '@zwgk/shared';
import type { Logger } from '../log';
import type { Model } from 'mongoose';
import { touchFeeds } from '../media/feeds/stamp';
import { MediaAccount, type MediaAccountDoc } from '../media/models/account';
import { ContentItem, type ContentItemDoc } from '../media/models/content-item';
import { MediaPost, type MediaPostDoc } from '../media/models/post';
import { PINGWU_GOV_OFFICE } from './bodies';
import { demoStaffId } from './staff';
import { isOnlyDuplicates } from '../db/duplicate';

export const DEMO_MEDIA_YEAR = 2023;
const BATCH = 500;

/** The seed's figures, which the demo year reproduces (tests compare mediaCounts with these). */
export const SEED_MEDIA_FIGURES = {
  documents: 121,
  policy_document: 29,
  normative_doc: 2,
  interpretation: 32,
  overview: 158,
  meeting: 22,
  plan: 14,
  original: 3554,
  repost: 133,
  normativeDocs: { issued: 2, abolished: 2, inForce: 8 },
  rules: { issued: 0, abolished: 0, inForce: 0 },
} as const;

type DemoAccount = Pick<MediaAccountDoc, '_id' | 'platform' | 'name' | 'handle' | 'history' | 'status'>;

const by = { staffId: demoStaffId('pw_admin') };
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);
const opened = (on: string, filedOn: string) => ({ action: 'open' as const, on, filedOn, by, at: at(filedOn) });

/** The county's main accounts (operating), and three 2023 clean-ups (关停, 整合, 注销) plus a 变更. */
const ACCOUNTS: DemoAccount[] = [
  { _id: 'demo-acc-wechat', platform: 'wechat_oa', name: '平武发布', handle: 'pingwufabu', status: 'operating', history: [opened('2016-03-15', '2016-03-20')] },
  {
    _id: 'demo-acc-weibo',
    platform: 'weibo',
    name: '平武发布',
    handle: '@平武发布',
    status: 'operating',
    history: [opened('2013-06-01', '2013-06-05'), { action: 'change', on: '2023-09-12', filedOn: '2023-09-15', note: '认证信息更新为县政府办公室', changes: { handle: ['@平武县政府', '@平武发布'] }, by, at: at('2023-09-15') }],
  },
  { _id: 'demo-acc-douyin', platform: 'douyin', name: '平武发布', status: 'operating', history: [opened('2020-05-10', '2020-05-18')] },
  { _id: 'demo-acc-toutiao', platform: 'toutiao', name: '平武发布', status: 'operating', history: [opened('2019-08-01', '2019-08-09')] },
  { _id: 'demo-acc-site', platform: 'website', name: '平武县人民政府网', status: 'operating', history: [opened('2008-01-01', '2008-01-01')] },
  { _id: 'demo-acc-tourism', platform: 'wechat_oa', name: '平武旅游', status: 'merged', history: [opened('2017-04-01', '2017-04-06'), { action: 'merge', on: '2023-04-20', filedOn: '2023-04-25', mergedInto: 'demo-acc-wechat', note: '第一次清理：内容并入“平武发布”', by, at: at('2023-04-25') }] },
  { _id: 'demo-acc-longan', platform: 'weibo', name: '龙安镇发布', status: 'closed', history: [opened('2015-02-01', '2015-02-03'), { action: 'close', on: '2023-07-10', filedOn: '2023-07-12', note: '第二次清理：长期未更新，关停', by, at: at('2023-07-12') }] },
  { _id: 'demo-acc-nanba', platform: 'toutiao', name: '南坝镇', status: 'cancelled', history: [opened('2018-09-01', '2018-09-05'), { action: 'cancel', on: '2023-11-06', filedOn: '2023-11-08', note: '第三次清理：注销', by, at: at('2023-11-08') }] },
];

/** Posts per account: [original, repost]; sums are the seed's 3554 and 133. */
const POSTS: Array<[string, AccountPlatform, number, number]> = [
  ['demo-acc-wechat', 'wechat_oa', 1206, 61],
  ['demo-acc-weibo', 'weibo', 1398, 72],
  ['demo-acc-douyin', 'douyin', 548, 0],
  ['demo-acc-toutiao', 'toutiao', 402, 0],
];

const TOPICS = ['春耕生产', '森林草原防灭火', '乡村振兴', '城乡环境综合治理', '安全生产', '义务教育', '医疗保障', '就业创业', '大熊猫国家公园', '文化旅游', '农村饮水安全', '防汛减灾', '营商环境', '政务服务', '道路交通', '粮食安全', '消费帮扶', '生态环境保护', '民族团结', '应急管理'];
const SOURCES = ['四川发布', '绵阳发布', '新华社', '人民日报', '中国政府网'];

/** Deterministic pseudo-random numbers (mulberry32), so the demo year is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 4) => String(n).padStart(w, '0');

/** An instant on a working day of `year` (spread evenly by index), 09:00–17:00 Beijing time. */
function instantIn(year: number, index: number, count: number, rand: () => number): Date {
  const day = Math.floor(((index + rand() * 0.8) / count) * 364);
  const start = Date.UTC(year, 0, 1) - 8 * 3_600_000; // 00:00 Beijing on 1 January
  let t = start + day * 86_400_000;
  const weekday = new Date(t + 8 * 3_600_000).getUTCDay();
  if (weekday === 0) t += 86_400_000;
  if (weekday === 6) t -= 86_400_000;
  return new Date(Math.max(start, t) + (9 * 60 + Math.floor(rand() * 480)) * 60_000);
}

function reviews(publishedAt: Date): ReviewRecord[] {
  const signed = (step: ReviewRecord['step'], user: string, minutes: number): ReviewRecord => ({ step, staffId: demoStaffId(user), at: new Date(publishedAt.getTime() - minutes * 60_000).toISOString(), revision: 1 });
  return [signed('first_review', 'pw_clerk', 240), signed('second_review', 'pw_handler', 180), signed('final_review', 'pw_reviewer', 120), signed('secrecy_check', 'pw_admin', 60)];
}

type DemoItem = Omit<ContentItemDoc, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

function item(id: string, category: ContentCategory, title: string, publishedAt: Date, extra: Partial<DemoItem> = {}): DemoItem {
  return {
    _id: id,
    bodyId: PINGWU_GOV_OFFICE,
    category,
    title,
    bodyHtml: `<p>${title}。</p><p>（演示数据）</p>`,
    attachments: [],
    origin: 'original',
    revision: 1,
    reviews: reviews(publishedAt),
    status: 'published',
    publish: { decidedAt: publishedAt, decidedBy: { staffId: demoStaffId('pw_clerk') }, publishAt: publishedAt, accountIds: [] },
    publishedAt,
    demo: true,
    createdBy: { staffId: demoStaffId('pw_clerk') },
    version: 0,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    ...extra,
  };
}

/** The items and posts of the demo year (pure: the test checks the figures without a database too). */
export function demoMediaYear(year = DEMO_MEDIA_YEAR): { items: DemoItem[]; posts: MediaPostDoc[] } {
  const rand = random(20230101);
  const items: DemoItem[] = [];
  const topic = (i: number) => TOPICS[i % TOPICS.length]!;
  const add = (category: ContentCategory, count: number, title: (i: number) => string, extra: (i: number, at: Date) => Partial<DemoItem> = () => ({})) => {
    for (let i = 0; i < count; i++) {
      const at = instantIn(year, i, count, rand);
      items.push(item(`demo-${category}-${year}-${pad(i + 1)}`, category, title(i), at, extra(i, at)));
    }
  };
  const issued = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

  add('policy_document', 29, (i) => `平武县人民政府办公室关于印发《平武县${topic(i)}工作方案》的通知`, (i, at) => ({ document: { docNumber: `平府办发〔${year}〕${i + 1}号`, issuedOn: issued(at) } }));
  add('normative_doc', 2, (i) => `平武县${['农村宅基地管理', '城镇居民最低生活保障'][i]}办法`, (i, at) => ({ document: { docNumber: `平府办规〔${year}〕${i + 1}号`, issuedOn: issued(at) } }));
  add('other_document', 90, (i) => `平武县人民政府关于${topic(i)}有关事项的通知（${i + 1}）`, (i, at) => ({ document: { docNumber: `平府函〔${year}〕${i + 1}号`, issuedOn: issued(at) } }));
  add('interpretation', 32, (i) => `《平武县${topic(i)}工作方案》政策解读`);
  add('overview', 158, (i) => `平武县${topic(i)}工作情况（第${i + 1}期）`);
  add('meeting', 22, (i) => `县政府第${i + 1}次常务会议召开`);
  add('plan', 14, (i) => `平武县${year}年${topic(i)}工作计划`);
  // Older 行政规范性文件 still on the books in the demo year: 6 in force, 2 abolished in it.
  for (let i = 0; i < 8; i++) {
    const y = year - 4 + (i % 4);
    const at = new Date(Date.UTC(y, 2 + i, 10, 2));
    const abolishedOn = i < 2 ? `${year}-0${6 + i * 3}-30` : undefined;
    items.push(item(`demo-normative_doc-${y}-${pad(i + 1)}`, 'normative_doc', `平武县${topic(i + 5)}管理暂行办法（${y}年）`, at, { document: { docNumber: `平府办规〔${y}〕${(i % 3) + 1}号`, issuedOn: issued(at), ...(abolishedOn ? { abolishedOn } : {}) } }));
  }

  const posts: MediaPostDoc[] = [];
  for (const [accountId, platform, original, repost] of POSTS) {
    const total = original + repost;
    for (let i = 0; i < total; i++) {
      // Exactly `repost` of the account's posts are reposts, spread evenly over the year.
      const isRepost = Math.floor(((i + 1) * repost) / total) !== Math.floor((i * repost) / total);
      const at = instantIn(year, i, total, rand);
      const id = `demo-post-${accountId.slice(9)}-${year}-${pad(i + 1, 5)}`;
      items.push(
        item(id, 'news', isRepost ? `【转发】${SOURCES[i % SOURCES.length]}：${topic(i)}最新消息` : `平武${topic(i)}动态（${i + 1}）`, at, {
          origin: isRepost ? 'repost' : 'original',
          ...(isRepost ? { source: { name: SOURCES[i % SOURCES.length]! } } : {}),
          publish: { decidedAt: at, decidedBy: { staffId: demoStaffId('pw_clerk') }, publishAt: at, accountIds: [accountId] },
        }),
      );
      posts.push({ _id: `${id}:${accountId}`, itemId: id, accountId, bodyId: PINGWU_GOV_OFFICE, platform, origin: isRepost ? 'repost' : 'original', category: 'news', postedAt: at, demo: true });
    }
  }
  return { items, posts };
}

/** Demo step: accounts, then items and posts in batches; duplicates (a re-run) are skipped. */
export async function seedMedia(logger: Logger): Promise<number> {
  const accounts = ACCOUNTS.map((a) => ({ ...a, bodyId: PINGWU_GOV_OFFICE, demo: true, version: 0, createdAt: a.history[0]!.at, updatedAt: a.history[a.history.length - 1]!.at }));
  const { items, posts } = demoMediaYear();
  const inserted = (await insertNew(MediaAccount, accounts)) + (await insertNew(ContentItem, items)) + (await insertNew(MediaPost, posts));
  if (inserted > 0) await touchFeeds(PINGWU_GOV_OFFICE);
  logger.info({ accounts: accounts.length, items: items.length, posts: posts.length, inserted }, 'demo media year seeded');
  return inserted;
}

async function insertNew<T>(model: Model<T>, docs: object[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    try {
      const res = await model.collection.insertMany(docs.slice(i, i + BATCH) as never[], { ordered: false });
      n += res.insertedCount;
    } catch (err) {
      if (!isOnlyDuplicates(err)) throw err;
      const e = err as { result?: { insertedCount?: number }; insertedCount?: number };
      n += e.insertedCount ?? e.result?.insertedCount ?? 0;
    }
  }
  return n;
}
