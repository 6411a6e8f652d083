// Where a cold report reads its requests (reports/sources.ts, sources-batch.ts): through the body's
// lookup document and the per-process records the staff inbox keeps (requests/commands/
// inbox-cache.ts) — never a filter on bodyId, which the embedded FerretDB answers by decoding every
// stored request. Proven through the real server and database:
// - the 2023 report of the seed and the county overview, computed cold (no cached draft, no cached
//   record), send only `{_id}` filters to `requests` and give the seed's cells;
// - a request changed through the staff API shows in the next report, which re-reads just it;
// - data stored straight into the database is indexed by one scan the first time; after that,
//   an import has to announce what it stores (indexStoredRequest), as the inbox requires;
// - a history that cannot be replayed is still counted from its cached fields, with a warning.
import { applicantTypeKeys, legalDateOf, standardRowKeys, type ApplicantType } from '@zwgk/shared';
import { indexStoredRequest } from '../../../server/src/storage/citizen-index';
import { forgetInboxCache } from '../../../server/src/requests/commands/inbox-cache';
import { BodyRequests, BUILT_MARKER } from '../../../server/src/models/bodyRequests';
import { RequestModel, type RequestRecord } from '../../../server/src/requests/models/request';
import { ReportCache } from '../../../server/src/reports/models/report-cache';
import type { TestServer } from '../../support/server';
import { filing } from '../requests/support';
import { actors, apiAs, EDUCATION, ensureSeedRequests, OFFICE, seedReport, startReportServer, type Api } from './support';
import { requestQueries } from '../../support/queries';

/** A row of table 三 with one more request of `type` (its column and 总计). */
const plusOne = (row: number[], type: ApplicantType = 'natural_person') => row.map((n, i) => (i === applicantTypeKeys.indexOf(type) || i === applicantTypeKeys.length ? n + 1 : n));
const thisYear = Number(legalDateOf(new Date()).slice(0, 4));

/** One of the seed's seven (concluded in 2023), to copy. */
async function seedRequest2023(): Promise<RequestRecord> {
  const r = await RequestModel.findById('demo-2023-01').lean<RequestRecord>();
  if (!r?.concludedOn?.startsWith('2023-') || !r.outcome) throw new Error('the demo data should hold demo-2023-01, concluded in 2023');
  return r;
}

const byIdOnly = (queries: Array<Record<string, unknown>>) => queries.filter((q) => Object.keys(q).join() !== '_id');

describe('the report reads requests through the body lookup documents', () => {
  let t: TestServer;
  let reviewer: Api;
  let eduAdmin: Api;
  let eduClerk: Api;
  const seed = seedReport();

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    reviewer = apiAs(t, actors.reviewer);
    eduAdmin = apiAs(t, actors.eduAdmin);
    eduClerk = apiAs(t, actors.eduClerk);
  }, 120_000);
  afterAll(() => t.close());

  it('a cold 2023 report equals the seed in every cell of 三 and 四, reading requests by _id only', async () => {
    await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`); // the one-time index build (its scan: below)
    await ReportCache.deleteMany({});
    forgetInboxCache(); // as in a process that never read the office's requests
    let first: any;
    const queries = await requestQueries(async () => (first = (await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).json));
    for (const key of standardRowKeys) expect([key, first.report.rows[key]]).toEqual([key, seed.rows[key]]);
    expect(first.report.section4).toEqual(seed.section4);
    expect(first.figures).toMatchObject({ 'requests.new': 7, 'requests.on_time': 7, 'requests.on_time_base': 7 });
    expect(queries.length).toBeGreaterThanOrEqual(7); // the office's requests, each by _id
    expect(byIdOnly(queries)).toEqual([]);

    // Cold again with every record cached: the same data, and no request read at all.
    await ReportCache.deleteMany({});
    let again: any;
    const warmRecords = await requestQueries(async () => (again = (await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).json));
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(warmRecords).toEqual([]);
  });

  it('the county overview computed cold reads requests by _id only and gives the seed office its figures', async () => {
    await ReportCache.deleteMany({});
    forgetInboxCache();
    let res: any;
    const queries = await requestQueries(async () => (res = await apiAs(t, actors.countyAdmin)('GET', '/api/reports/county/pingwu?years=2023')));
    expect(res.status).toBe(200);
    const office = res.json.rows.find((r: { bodyId: string }) => r.bodyId === OFFICE).years[0];
    expect(office).toMatchObject({ status: 'draft', figures: { new: 7, carried_in: 0, total: 7, carried_out: 0, review: 1, litigation: 2 } });
    expect(queries.length).toBeGreaterThanOrEqual(7);
    expect(byIdOnly(queries)).toEqual([]);
  });

  it('a request changed through the staff API shows in the next report, which re-reads only that request', async () => {
    const report = async () => (await eduAdmin('GET', `/api/reports/${EDUCATION}/${thisYear}?edition=draft`)).json;
    const before = await report();

    // Registered today from a letter: new in this year's report, carried over while open.
    const registered = await eduClerk('POST', '/api/staff/requests', { ...filing({ bodyId: EDUCATION }), channel: 'post_signed', receivedOn: legalDateOf(new Date()) });
    expect([registered.status, registered.status === 201 ? '' : registered.text]).toEqual([201, '']);
    const id = registered.json.request.id as string;
    const open = await report();
    expect(open.report.rows.new).toEqual(plusOne(before.report.rows.new));
    expect(open.report.rows.carried_out).toEqual(plusOne(before.report.rows.carried_out));

    // Concluded (公开, delivered): the next report counts it under 予以公开 and no longer carries it over.
    for (const action of [{ type: 'decide', outcome: 'open', legalBasis: '', replyText: '予以公开，见附件。' }, { type: 'deliver' }]) {
      const current = await eduClerk('GET', `/api/staff/requests/${id}`);
      const done = await eduClerk('POST', `/api/staff/requests/${id}/actions`, { ...action, version: current.json.version });
      expect([done.status, done.status === 200 ? '' : done.text]).toEqual([200, '']);
    }
    let concluded: any;
    const queries = await requestQueries(async () => (concluded = await report()));
    expect(concluded.fingerprint).not.toBe(open.fingerprint);
    expect(concluded.report.rows.open).toEqual(plusOne(before.report.rows.open));
    expect(concluded.report.rows.total).toEqual(plusOne(before.report.rows.total));
    expect(concluded.report.rows.carried_out).toEqual(before.report.rows.carried_out);
    expect(queries).toEqual([{ _id: id }]); // the changed request, nothing else
  });

  it('data stored straight into the database is found by one scan the first time; later imports announce what they store', async () => {
    // A 2023 request of the office, copied under new ids, as older data or a bulk load would hold it.
    const source = await seedRequest2023();
    const copy = (n: number): RequestRecord => ({ ...source, _id: `straight-${n}`, number: `PWZF-2023-9${String(n).padStart(5, '0')}`, idempotencyKey: `import-straight-${n}`, citizenId: null });
    const office2023 = async () => {
      const res = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
      if (res.status !== 200) throw new Error(`report: ${res.status} ${res.text}`);
      return res.json;
    };
    const before = await office2023();

    // Data from before the lookup documents existed: none, no marker, one request stored straight.
    await BodyRequests.deleteMany({});
    forgetInboxCache();
    await RequestModel.collection.insertOne(copy(1) as never);
    await ReportCache.deleteMany({});
    let built: any;
    const scan = await requestQueries(async () => (built = await office2023()));
    expect(built.report.rows.new).toEqual(plusOne(before.report.rows.new, source.applicantType));
    expect(built.report.rows[source.outcome!]).toEqual(plusOne(before.report.rows[source.outcome!], source.applicantType));
    expect(byIdOnly(scan)).toEqual([{}]); // the one scan that builds the documents (every body at once)
    expect(await BodyRequests.exists({ _id: BUILT_MARKER })).toBeTruthy();

    // Built: a request stored straight without announcing it is not seen (as in the staff inbox)…
    await RequestModel.collection.insertOne(copy(2) as never);
    await ReportCache.deleteMany({});
    const unannounced = await requestQueries(async () => expect((await office2023()).report.rows.new).toEqual(built.report.rows.new));
    expect(byIdOnly(unannounced)).toEqual([]);
    // …an import that announces it, as indexStoredRequest does for seeds and imports, is.
    await indexStoredRequest(copy(2));
    await ReportCache.deleteMany({});
    expect((await office2023()).report.rows.new).toEqual(plusOne(built.report.rows.new, source.applicantType));
  });

  it('a stored history that cannot be replayed is counted from its cached dates and outcome, with a warning', async () => {
    const source = await seedRequest2023();
    const before = (await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).json;
    // The reply before the receipt: fold refuses it.
    const broken: RequestRecord = { ...source, _id: 'broken-history', number: 'PWZF-2023-999999', idempotencyKey: 'import-broken', citizenId: null, events: [...source.events].reverse() };
    await indexStoredRequest(broken);
    await RequestModel.collection.insertOne(broken as never);
    await ReportCache.deleteMany({});
    const r = (await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).json;
    expect(r.report.rows.new).toEqual(plusOne(before.report.rows.new, source.applicantType));
    expect(r.report.rows[source.outcome!]).toEqual(plusOne(before.report.rows[source.outcome!], source.applicantType));
    expect(r.warnings.join('\n')).toContain('申请 PWZF-2023-999999 的办理记录无法回放');
  });
});
