// The demo year reproduces the seed report's figures, and mediaCounts — what the annual
// report reads — returns exactly them.
import { silentLogger } from '../../../server/src/log';
import { demoMediaYear, seedMedia, SEED_MEDIA_FIGURES } from '../../../server/src/demo/media';
import mongoose from 'mongoose';
import { countNow, countsKey, mediaCounts, mediaCountsMany } from '../../../server/src/media/counts';
import { touchFeeds } from '../../../server/src/media/feeds/stamp';
import { ContentItem } from '../../../server/src/media/models/content-item';
import { MediaPost } from '../../../server/src/media/models/post';
import { connectTestDatabase } from '../../support/db';

let disconnect: () => Promise<void>;
beforeAll(async () => {
  ({ disconnect } = await connectTestDatabase());
});
afterAll(() => disconnect());

test('mediaCounts(pingwu-gov-office, 2023) on the seeded demo year equals the seed report', async () => {
  const started = Date.now();
  const inserted = await seedMedia(silentLogger);
  const seedMs = Date.now() - started;
  const { items, posts } = demoMediaYear();
  expect(inserted).toBe(8 + items.length + posts.length);

  const t0 = Date.now();
  const counts = await mediaCounts('pingwu-gov-office', 2023);
  const countMs = Date.now() - t0;
  const f = SEED_MEDIA_FIGURES;
  expect({
    documents: counts.documents,
    policy_document: counts.itemsByCategory.policy_document,
    normative_doc: counts.itemsByCategory.normative_doc,
    interpretation: counts.itemsByCategory.interpretation,
    overview: counts.itemsByCategory.overview,
    meeting: counts.itemsByCategory.meeting,
    plan: counts.itemsByCategory.plan,
    original: counts.newMedia.original,
    repost: counts.newMedia.repost,
    normativeDocs: counts.normativeDocs,
    rules: counts.rules,
  }).toEqual(f);
  // Per account: the website is not a new-media account; closed/merged accounts are listed with 0.
  expect(counts.newMedia.accounts.map((a) => [a.accountId, a.original, a.repost])).toEqual([
    ['demo-acc-douyin', 548, 0],
    ['demo-acc-longan', 0, 0],
    ['demo-acc-nanba', 0, 0],
    ['demo-acc-tourism', 0, 0],
    ['demo-acc-toutiao', 402, 0],
    ['demo-acc-wechat', 1206, 61],
    ['demo-acc-weibo', 1398, 72],
  ]);
  // Another year has none of it (the older 规范性文件 are counted where they belong).
  const y2022 = await mediaCounts('pingwu-gov-office', 2022);
  expect(y2022.newMedia.original).toBe(0);
  expect(y2022.normativeDocs.issued).toBe(2);

  // Asked again (as the report does), the cached figures come back at the cost of two _id reads.
  const t1 = Date.now();
  expect(await mediaCounts('pingwu-gov-office', 2023)).toEqual(counts);
  const cachedMs = Date.now() - t1;
  expect(cachedMs).toBeLessThan(countMs);

  // Seeding again inserts nothing (deterministic ids), so the figures cannot double.
  expect(await seedMedia(silentLogger)).toBe(0);
  expect(await ContentItem.countDocuments({ demo: true })).toBe(items.length);
  expect(await MediaPost.countDocuments({})).toBe(posts.length);
  // Volume on the embedded database stays workable (batches; one projected scan per count).
  console.log(`demo media year: seeded in ${seedMs} ms, counted in ${countMs} ms, from the cache in ${cachedMs} ms`);
  expect(seedMs).toBeLessThan(30_000);
  expect(countMs).toBeLessThan(10_000);
});

test('mediaCountsMany: the counts of several bodies and years at once, the same as each alone; a media change recounts only its body', async () => {
  await seedMedia(silentLogger);
  const OFFICE = 'pingwu-gov-office';
  const OTHER = 'pingwu-education';
  const keys = [2022, 2023].flatMap((year) => [OFFICE, OTHER].map((bodyId) => ({ bodyId, year })));
  const fresh = await countNow(keys);
  const many = await mediaCountsMany(keys);
  expect([...many.keys()].sort()).toEqual(keys.map((k) => countsKey(k.bodyId, k.year)).sort());
  for (const k of keys) {
    expect(many.get(countsKey(k.bodyId, k.year))).toEqual(fresh.get(countsKey(k.bodyId, k.year)));
    expect(await mediaCounts(k.bodyId, k.year)).toEqual(fresh.get(countsKey(k.bodyId, k.year)));
  }
  expect(many.get(countsKey(OFFICE, 2023))!.newMedia.original).toBe(SEED_MEDIA_FIGURES.original);

  // The other body publishes a document in 2023: its counts move, the office's stay cached.
  const cache = mongoose.connection.db!.collection<{ _id: string; computedAt: Date }>('mediacounts');
  const officeBefore = await cache.findOne({ _id: countsKey(OFFICE, 2023) });
  await mongoose.connection.db!.collection<{ _id: string }>('contentitems').insertOne({ _id: 'many-test-item', bodyId: OTHER, status: 'published', category: 'policy_document', publishedAt: new Date('2023-05-04T02:00:00.000Z') } as never);
  await touchFeeds(OTHER);
  const after = await mediaCountsMany(keys);
  expect(after.get(countsKey(OTHER, 2023))!.itemsByCategory.policy_document).toBe(many.get(countsKey(OTHER, 2023))!.itemsByCategory.policy_document + 1);
  expect(after.get(countsKey(OTHER, 2022))).toEqual(many.get(countsKey(OTHER, 2022)));
  expect(after.get(countsKey(OFFICE, 2023))).toEqual(many.get(countsKey(OFFICE, 2023)));
  expect((await cache.findOne({ _id: countsKey(OFFICE, 2023) }))!.computedAt).toEqual(officeBefore!.computedAt);
  expect(await mediaCountsMany([])).toEqual(new Map());
});
