// Pins the mongoose/MongoDB features the project relies on, against the real test
// database (embedded FerretDB v1.24.2 by default; TEST_MONGODB_URI may point at MongoDB).
// A FerretDB limitation that breaks one of them shows up here as ONE clear failing test.
// The last block documents what FerretDB does NOT support, so nobody designs around it
// by accident (see docs/ARCHITECTURE.md, "The database").
// Not pinned here because it is timing-dependent: concurrent updates of ONE document are
// read-modify-write in FerretDB and lose writes ($inc included: 50 parallel $inc gave 7
// in a trial). Make state changes conditional on a version field AND serialise writes to
// a document inside the server process.
import mongoose, { Schema } from 'mongoose';
import { connectTestDatabase } from '../support/db';

interface Account {
  email: string;
  county: string;
  seq: number;
  version: number;
  state: string;
  tags: string[];
}

const accountSchema = new Schema<Account>({
  email: { type: String, required: true, unique: true },
  county: { type: String, required: true },
  seq: { type: Number, required: true },
  version: { type: Number, default: 0 },
  state: { type: String, default: 'received' },
  tags: { type: [String], default: [] },
});
// The numbering of requests per county relies on a compound unique index.
accountSchema.index({ county: 1, seq: 1 }, { unique: true });
const Account = mongoose.model<Account>('CompatAccount', accountSchema);

const Counter = mongoose.model('CompatCounter', new Schema({ _id: String, value: Number }));

let disconnect: () => Promise<void>;
let isFerret = false;

beforeAll(async () => {
  ({ disconnect } = await connectTestDatabase());
  await Account.init(); // builds the indexes
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  isFerret = 'ferretdbVersion' in info || 'ferretdb' in info;
});
afterAll(() => disconnect());
beforeEach(async () => {
  await Account.deleteMany({});
});

const doc = (n: number, county = 'pingwu') => ({ email: `a${n}@example.cn`, county, seq: n });

describe('what the project relies on', () => {
  it('unique index: a duplicate insert fails with code 11000', async () => {
    await Account.create(doc(1));
    await expect(Account.create({ ...doc(2), email: 'a1@example.cn' })).rejects.toMatchObject({ code: 11000 });
    expect(await Account.countDocuments()).toBe(1);
  });

  it('compound unique index: same county+seq rejected, same seq in another county accepted', async () => {
    await Account.create(doc(1));
    await expect(Account.create({ ...doc(1), email: 'other@example.cn' })).rejects.toMatchObject({ code: 11000 });
    await expect(Account.create({ ...doc(1, 'jiangyou'), email: 'b1@example.cn' })).resolves.toBeDefined();
  });

  it('indexes are reported as created (syncIndexes finds nothing to change)', async () => {
    const indexes = await Account.listIndexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'county_1_seq_1', 'email_1']);
    const diff = await Account.diffIndexes();
    expect(diff).toEqual({ toDrop: [], toCreate: [] });
  });

  it('findOneAndUpdate without projection returns the new document; upsert works', async () => {
    await Account.create(doc(1));
    const updated = await Account.findOneAndUpdate({ email: 'a1@example.cn' }, { $set: { state: 'accepted' } }, { returnDocument: 'after' }).lean();
    expect(updated).toMatchObject({ email: 'a1@example.cn', state: 'accepted' });
    const counter = await Counter.findOneAndUpdate({ _id: 'pingwu-2024' }, { $inc: { value: 1 } }, { returnDocument: 'after', upsert: true }).lean();
    expect(counter).toEqual({ _id: 'pingwu-2024', value: 1, __v: 0 });
  });

  it('conditional update on a version field: the stale writer matches nothing', async () => {
    const created = await Account.create(doc(1));
    const first = await Account.updateOne({ _id: created._id, version: 0 }, { $set: { state: 'accepted' }, $inc: { version: 1 } });
    const stale = await Account.updateOne({ _id: created._id, version: 0 }, { $set: { state: 'rejected' }, $inc: { version: 1 } });
    expect(first.modifiedCount).toBe(1);
    expect(stale.matchedCount).toBe(0);
    expect(await Account.findById(created._id).lean()).toMatchObject({ state: 'accepted', version: 1 });
  });

  // ONE accumulator per $group stage: FerretDB computes only the first (see limitations).
  it('$match + $group with one $sum (count, or total of a field) + $sort', async () => {
    await Account.insertMany([doc(1), doc(2), doc(3, 'jiangyou'), { ...doc(4), state: 'done' }]);
    const counts = await Account.aggregate<{ _id: string; n: number }>([
      { $match: { state: 'received' } },
      { $group: { _id: '$county', n: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(counts).toEqual([
      { _id: 'jiangyou', n: 1 },
      { _id: 'pingwu', n: 2 },
    ]);
    const totals = await Account.aggregate([{ $group: { _id: '$county', seqTotal: { $sum: '$seq' } } }, { $sort: { _id: 1 } }]);
    expect(totals).toEqual([
      { _id: 'jiangyou', seqTotal: 3 },
      { _id: 'pingwu', seqTotal: 7 },
    ]);
  });

  it('$group by a compound key; $unwind + $group on the unwound field; $count', async () => {
    await Account.insertMany([{ ...doc(1), tags: ['a', 'b'] }, { ...doc(2), tags: ['a'] }, { ...doc(3, 'jiangyou'), state: 'done' }]);
    const byKey = await Account.aggregate([{ $group: { _id: { county: '$county', state: '$state' }, n: { $sum: 1 } } }, { $sort: { '_id.county': 1 } }]);
    expect(byKey).toEqual([
      { _id: { county: 'jiangyou', state: 'done' }, n: 1 },
      { _id: { county: 'pingwu', state: 'received' }, n: 2 },
    ]);
    const byTag = await Account.aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { _id: 1 } }]);
    expect(byTag).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 1 },
    ]);
    expect(await Account.aggregate([{ $match: { county: 'pingwu' } }, { $count: 'total' }])).toEqual([{ total: 2 }]);
  });

  it('queries on fields of array elements use dotted paths', async () => {
    await mongoose.connection.db!.collection('compat_items').insertMany([
      { _id: 'r1' as never, items: [{ kind: 'fee', amount: 10 }] },
      { _id: 'r2' as never, items: [{ kind: 'page', amount: 3 }] },
    ]);
    const found = await mongoose.connection.db!.collection('compat_items').find({ 'items.kind': 'fee' }).toArray();
    expect(found.map((d) => d._id)).toEqual(['r1']);
  });

  it('lean() reads return plain objects with ObjectId _id', async () => {
    await Account.create(doc(1));
    const found = await Account.findOne({ email: 'a1@example.cn' }).lean();
    expect(found).not.toBeInstanceOf(mongoose.Document);
    expect(found?._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(found?.tags).toEqual([]);
  });

  it('insertMany (bulk insert) stores every document; ordered:false reports duplicates and keeps the rest', async () => {
    const many = Array.from({ length: 200 }, (_, i) => doc(i));
    await Account.insertMany(many);
    expect(await Account.countDocuments()).toBe(200);
    await expect(Account.insertMany([doc(500), doc(1), doc(501)], { ordered: false })).rejects.toMatchObject({ code: 11000 });
    expect(await Account.countDocuments()).toBe(202);
  });

  it('sort, skip, limit, $in and range filters, countDocuments with a filter', async () => {
    await Account.insertMany(Array.from({ length: 10 }, (_, i) => doc(i)));
    const page = await Account.find({ seq: { $gte: 2, $lt: 8 }, county: { $in: ['pingwu'] } }).sort({ seq: -1 }).skip(1).limit(2).lean();
    expect(page.map((a) => a.seq)).toEqual([6, 5]);
    expect(await Account.countDocuments({ seq: { $gte: 5 } })).toBe(5);
  });

  it('Date and nested objects round-trip; $push/$pull on arrays', async () => {
    const created = await Account.create(doc(1));
    await Account.updateOne({ _id: created._id }, { $push: { tags: 'x' } });
    await Account.updateOne({ _id: created._id }, { $push: { tags: 'y' }, $pull: { tags: 'x' } }).catch(async () => {
      // Conflicting ops on one path are rejected by MongoDB too; do them separately.
      await Account.updateOne({ _id: created._id }, { $push: { tags: 'y' } });
      await Account.updateOne({ _id: created._id }, { $pull: { tags: 'x' } });
    });
    expect((await Account.findById(created._id).lean())?.tags).toEqual(['y']);
    const at = new Date('2024-03-01T08:00:00.000Z');
    await mongoose.connection.db!.collection('compat_dates').insertOne({ _id: 'd' as never, at, nested: { day: '2024-03-01' } });
    expect(await mongoose.connection.db!.collection('compat_dates').findOne({ _id: 'd' as never })).toEqual({ _id: 'd', at, nested: { day: '2024-03-01' } });
  });

  it('$pullAll removes exact values (the request outbox); an element of an array found by index with $exists', async () => {
    const owes = mongoose.connection.db!.collection<{ _id: string; outbox?: string[] }>('compat_outbox');
    await owes.insertMany([{ _id: 'a', outbox: ['e:0:1@1', 'e:1:1@2', 'm:x@3'] }, { _id: 'b' }, { _id: 'c', outbox: [] }]);
    await owes.updateOne({ _id: 'a' }, { $pullAll: { outbox: ['e:0:1@1', 'm:x@3'] } });
    expect((await owes.findOne({ _id: 'a' }))?.outbox).toEqual(['e:1:1@2']);
    expect((await owes.find({ 'outbox.0': { $exists: true } }).toArray()).map((d) => d._id)).toEqual(['a']);
  });
});

// What FerretDB v1 does NOT support. Each test asserts the failure, so the list stays
// true; on a real MongoDB (TEST_MONGODB_URI) these are skipped.
describe('FerretDB limitations (documented by tests)', () => {
  const ferretOnly = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (!isFerret) return;
      await fn();
    });

  ferretOnly('transactions: startSession/withTransaction fails with a clear error', async () => {
    const attempt = async () => {
      const session = await mongoose.startSession();
      try {
        await session.withTransaction(async () => {
          await Account.create([doc(1)], { session });
        });
      } finally {
        await session.endSession();
      }
    };
    await expect(attempt()).rejects.toThrow(/autocommit|transaction|session|not supported|NotImplemented/i);
  });

  ferretOnly('findOneAndUpdate with a projection (.select()) → NotImplemented', async () => {
    await Account.create(doc(1));
    await expect(Account.findOneAndUpdate({ email: 'a1@example.cn' }, { $set: { state: 'x' } }, { returnDocument: 'after' }).select('state')).rejects.toThrow(
      /projection|not implemented|NotImplemented/i,
    );
  });

  ferretOnly('$pull with a condition ({$in: …}, or on fields of elements) silently removes nothing (use $pullAll)', async () => {
    const owes = mongoose.connection.db!.collection<{ _id: string; list: unknown[] }>('compat_pull');
    await owes.insertOne({ _id: 'a', list: ['x', 'y', { id: 'z' }] });
    await owes.updateOne({ _id: 'a' }, { $pull: { list: { $in: ['x'] } } });
    await owes.updateOne({ _id: 'a' }, { $pull: { list: { id: { $in: ['z'] } } } } as never);
    expect((await owes.findOne({ _id: 'a' }))?.list).toEqual(['x', 'y', { id: 'z' }]);
  });

  ferretOnly('$lookup is not supported', async () => {
    await expect(Account.aggregate([{ $lookup: { from: 'compatcounters', localField: 'county', foreignField: '_id', as: 'c' } }])).rejects.toThrow(/lookup/i);
  });

  ferretOnly('$facet is not supported', async () => {
    await expect(Account.aggregate([{ $facet: { all: [{ $count: 'n' }] } }])).rejects.toThrow(/facet/i);
  });

  ferretOnly('$group accumulators other than $sum/$count ($max, $push) are not supported', async () => {
    await Account.create(doc(1));
    await expect(Account.aggregate([{ $group: { _id: '$county', m: { $max: '$seq' } } }])).rejects.toThrow(/max|not implemented|NotImplemented/i);
    await expect(Account.aggregate([{ $group: { _id: '$county', all: { $push: '$seq' } } }])).rejects.toThrow(/push|not implemented|NotImplemented/i);
  });

  ferretOnly('aggregation expressions ($cond) are not supported', async () => {
    await Account.create(doc(1));
    await expect(Account.aggregate([{ $project: { big: { $cond: [{ $gt: ['$seq', 0] }, 1, 0] } } }])).rejects.toThrow(/cond|not implemented|NotImplemented|gt/i);
  });

  ferretOnly('TTL indexes (expireAfterSeconds) are rejected', async () => {
    await expect(mongoose.connection.db!.collection('compat_ttl').createIndex({ at: 1 }, { expireAfterSeconds: 60 })).rejects.toThrow();
  });

  ferretOnly('partial indexes are rejected', async () => {
    await expect(
      mongoose.connection.db!.collection('compat_partial').createIndex({ a: 1 }, { unique: true, partialFilterExpression: { a: { $exists: true } } }),
    ).rejects.toThrow();
  });

  ferretOnly('text indexes are rejected', async () => {
    await expect(mongoose.connection.db!.collection('compat_text').createIndex({ body: 'text' })).rejects.toThrow();
  });

  ferretOnly('updates with arrayFilters are rejected', async () => {
    const created = await Account.create({ ...doc(1), tags: ['a'] });
    await expect(
      Account.updateOne({ _id: created._id }, { $set: { 'tags.$[t]': 'b' } }, { arrayFilters: [{ t: 'a' }] }),
    ).rejects.toThrow();
  });

  ferretOnly('$group computes only its FIRST accumulator; the others come back as 0', async () => {
    await Account.insertMany([doc(1), doc(2)]);
    const [row] = await Account.aggregate([{ $group: { _id: '$county', n: { $sum: 1 }, seqTotal: { $sum: '$seq' } } }]);
    expect(row).toEqual({ _id: 'pingwu', n: 2, seqTotal: 0 }); // MongoDB: seqTotal 3
  });

  ferretOnly('$unwind keeps only _id and the unwound field (other fields are dropped); object form not implemented', async () => {
    await Account.create({ ...doc(1), tags: ['a'] });
    const [row] = await Account.aggregate([{ $unwind: '$tags' }]);
    expect(Object.keys(row).sort()).toEqual(['_id', 'tags']); // MongoDB keeps county, email, ...
    await expect(Account.aggregate([{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }])).rejects.toThrow(/not implemented/i);
  });

  ferretOnly('$elemMatch with field conditions on array documents silently matches nothing', async () => {
    const items = mongoose.connection.db!.collection('compat_elem');
    await items.insertOne({ _id: 'r1' as never, items: [{ kind: 'fee', amount: 10 }] });
    expect(await items.countDocuments({ items: { $elemMatch: { kind: 'fee' } } })).toBe(0); // MongoDB: 1
  });

  ferretOnly('$expr in queries, the positional $ update and collation are not implemented', async () => {
    const created = await Account.create({ ...doc(1), tags: ['a'] });
    await expect(Account.find({ $expr: { $gt: ['$seq', 0] } })).rejects.toThrow(/not implemented/i);
    await expect(Account.updateOne({ _id: created._id, tags: 'a' }, { $set: { 'tags.$': 'b' } })).rejects.toThrow();
    await expect(Account.find({ county: 'PINGWU' }).collation({ locale: 'zh', strength: 1 })).rejects.toThrow(/collation/i);
  });

  ferretOnly('Decimal128 and NaN values make FerretDB drop the connection (a network error, not a validation error)', async () => {
    const odd = mongoose.connection.db!.collection('compat_odd');
    await expect(odd.insertOne({ d: new mongoose.Types.Decimal128('1.5') })).rejects.toThrow(/closed/i);
    await expect(odd.insertOne({ n: NaN })).rejects.toThrow(/closed/i);
  });

  ferretOnly('sparse is silently ignored on an index', async () => {
    const coll = mongoose.connection.db!.collection('compat_sparse');
    await coll.createIndex({ a: 1 }, { sparse: true });
    const index = (await coll.indexes()).find((i) => i.name === 'a_1');
    expect(index?.sparse).toBeUndefined();
  });

  ferretOnly('change streams (watch) are not supported', async () => {
    const stream = Account.watch();
    const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
    await expect(failed).resolves.toBeInstanceOf(Error);
    await stream.close();
  });
});
