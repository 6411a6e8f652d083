// mediaCounts(bodyId, year): the figures the annual report quotes about proactive disclosure
// and the body's new-media accounts (see shared/src/media/counts.ts for what each means).
// The annual-report module imports this; the signature is stable.
//
// Cost on FerretDB: three collection scans (items with a projection, posts of the year, the
// body's accounts) — seconds on a busy machine for a county's year. So the result is kept in
// `mediacounts` (`_id` = `<bodyId>:<year>`) with the body's media stamp (feeds/stamp.ts), which
// every write that can change a count renews (publish, abolition, a recorded post, account
// changes): a report asks again and again at the cost of two `_id` reads, never getting a stale
// figure. mediaCountsMany does the same for many body-years (the county overview): what is not
// cached is counted from one scan of each collection for all of them, not one per body.
import { countMedia, type MediaCounts } from '@zwgk/shared';
import mongoose, { Schema } from 'mongoose';
import { groupBy } from '../lib/group-by';
import { FeedStamp, NO_FEED_STAMP } from './feeds/stamp';
import { MediaAccount } from './models/account';
import { ContentItem } from './models/content-item';
import { MediaPost } from './models/post';
import { upsertRacing } from '../db/duplicate';

export type { MediaCounts } from '@zwgk/shared';

/** Start of `year` in Asia/Shanghai (UTC+8 all year) as an instant. */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
}

interface CountsCacheDoc {
  _id: string;
  stamp: string;
  counts: MediaCounts;
  computedAt: Date;
}

const CountsCache = mongoose.model<CountsCacheDoc>('MediaCountsCache', new Schema<CountsCacheDoc>({ _id: String, stamp: String, counts: Schema.Types.Mixed, computedAt: Date }, { collection: 'mediacounts', versionKey: false }));

export async function mediaCounts(bodyId: string, year: number): Promise<MediaCounts> {
  return (await mediaCountsMany([{ bodyId, year }])).get(countsKey(bodyId, year))!;
}

export interface BodyYear {
  bodyId: string;
  year: number;
}

/** The key of a body-year in `mediacounts` and in the map mediaCountsMany answers. */
export const countsKey = (bodyId: string, year: number) => `${bodyId}:${year}`;

/** One read by `_id` for one key (the filter FerretDB finds by index), `$in` for several. */
const oneOrIn = (ids: string[]) => (ids.length === 1 ? ids[0]! : { $in: ids });

/**
 * mediaCounts of many body-years (the county overview): cached ones cost two reads, the others
 * are counted together from one scan of each collection, however many bodies and years.
 */
export async function mediaCountsMany(keys: BodyYear[]): Promise<Map<string, MediaCounts>> {
  const byKey = new Map(keys.map((k) => [countsKey(k.bodyId, k.year), k]));
  const wanted = [...byKey.values()];
  if (wanted.length === 0) return new Map();
  const bodyIds = [...new Set(wanted.map((k) => k.bodyId))];
  // Read the stamps before counting: a change while we count leaves a stale stamp, not stale counts.
  const [stamps, cached] = await Promise.all([
    FeedStamp.find({ _id: oneOrIn(bodyIds) }).lean(),
    CountsCache.find({ _id: oneOrIn([...byKey.keys()]) }).lean(),
  ]);
  const stampOf = new Map(stamps.map((d) => [d._id, d.stamp]));
  const stamp = (bodyId: string) => stampOf.get(bodyId) ?? NO_FEED_STAMP;
  const result = new Map<string, MediaCounts>();
  for (const doc of cached) if (doc.stamp === stamp(byKey.get(doc._id)!.bodyId)) result.set(doc._id, doc.counts);
  const missing = wanted.filter((k) => !result.has(countsKey(k.bodyId, k.year)));
  if (missing.length === 0) return result;
  const counted = await countNow(missing);
  // One upsert by _id at a time, not one bulkWrite: on the embedded FerretDB a bulk of upserts
  // into the new `mediacounts` collection stalled the database for good (seen by the county
  // overview measurement, twice at the same point), while single upserts are what it always did.
  for (const k of missing) {
    const key = countsKey(k.bodyId, k.year);
    const counts = counted.get(key)!;
    await upsertRacing(() => CountsCache.updateOne({ _id: key }, { $set: { stamp: stamp(k.bodyId), counts, computedAt: new Date() } }, { upsert: true }));
    result.set(key, counts);
  }
  return result;
}

/** The counts straight from the records (no cache): one scan of each collection for all the keys. */
export async function countNow(keys: BodyYear[]): Promise<Map<string, MediaCounts>> {
  const bodyIds = [...new Set(keys.map((k) => k.bodyId))];
  const years = keys.map((k) => k.year);
  const bodyId = oneOrIn(bodyIds);
  const [items, posts, accounts] = await Promise.all([
    ContentItem.find({ bodyId, status: 'published' }, { bodyId: 1, category: 1, publishedAt: 1, document: 1 }).lean(),
    MediaPost.find({ bodyId, postedAt: { $gte: yearStart(Math.min(...years)), $lt: yearStart(Math.max(...years) + 1) } }, { bodyId: 1, accountId: 1, origin: 1, postedAt: 1 }).lean(),
    MediaAccount.find({ bodyId }, { bodyId: 1, name: 1, platform: 1, status: 1 }).lean(),
  ]);
  const itemsOf = groupBy(items, (i) => i.bodyId);
  const postsOf = groupBy(posts, (p) => p.bodyId);
  const accountsOf = groupBy(accounts, (a) => a.bodyId);
  return new Map(
    keys.map((k) => [
      countsKey(k.bodyId, k.year),
      countMedia({
        bodyId: k.bodyId,
        year: k.year,
        // Scheduled items count from the day they go public.
        items: (itemsOf.get(k.bodyId) ?? []).flatMap((i) => (i.publishedAt ? [{ category: i.category, publishedAt: i.publishedAt, ...(i.document ? { document: i.document } : {}) }] : [])),
        // Posts of other years of the scan are left out by countMedia.
        posts: (postsOf.get(k.bodyId) ?? []).map((p) => ({ accountId: p.accountId, origin: p.origin, postedAt: p.postedAt })),
        accounts: [...(accountsOf.get(k.bodyId) ?? [])].sort((a, b) => a._id.localeCompare(b._id)).map((a) => ({ id: a._id, name: a.name, platform: a.platform, status: a.status })),
      }),
    ]),
  );
}
