// Cache and invalidation (issue 8): a draft is recomputed only when its body's data changes; a
// request concluded through the staff API changes the cached 2023 draft and its cards (new
// ETags), while the published 2023 edition — JSON, text and cards — stays exactly as it was.
// Publishing again makes a correction with its own date; edition 1 is kept.
import { idCheckCharacter, standardRowKeys } from '@zwgk/shared';
import { eventsEntry, performOwed } from '../../../server/src/requests/commands/outbox';
import { RequestModel } from '../../../server/src/requests/models/request';
import { ReportCache } from '../../../server/src/reports/models/report-cache';
import { getDraft } from '../../../server/src/reports/draft';
import type { TestServer } from '../../support/server';
import { actors, apiAs, ensureSeedRequests, OFFICE, seedInputs, seedReport, startReportServer, type Api } from './support';

const natural = (n: number) => [n, 0, 0, 0, 0, 0, n];

describe('cached drafts and frozen editions', () => {
  let t: TestServer;
  let reviewer: Api;
  let clerk: Api;
  let anonymous: Api;
  const seed = seedReport();
  const card = (size: string, q = '') => `/api/cards/${OFFICE}/2023/${size}.png${q}`;

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    reviewer = apiAs(t, actors.reviewer);
    clerk = apiAs(t, actors.clerk);
    anonymous = apiAs(t);
    const inputs = await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`);
    expect((await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, seedInputs(inputs.json.version))).status).toBe(200);
    expect((await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-01-20' })).status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('serves the draft from the cache while nothing changes', async () => {
    await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    const before = await ReportCache.findById(`${OFFICE}:2023`).lean();
    await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    await reviewer('GET', `/api/cards/${OFFICE}/2023/chat.png?edition=draft`);
    const after = await ReportCache.findById(`${OFFICE}:2023`).lean();
    expect(after!.computedAt).toEqual(before!.computedAt);
    expect(after!.verifiedAt).toEqual(before!.verifiedAt);
  });

  it('past its max age an entry is re-read; unchanged data keeps its computedAt (so ETags do not move)', async () => {
    const before = await ReportCache.findById(`${OFFICE}:2023`).lean();
    const again = await getDraft(OFFICE, 2023, { maxAgeMs: 0 });
    expect(again.recomputed).toBe(true);
    expect(again.fingerprint).toBe(before!.fingerprint);
    expect(again.computedAt).toEqual(before!.computedAt);
  });

  it('new 2023 data (a late-registered request, a changed outcome) changes the draft and its cards; the published edition stays frozen', async () => {
    const draft0 = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    const draftCard0 = await reviewer('GET', card('og', '?edition=draft'));
    const pub0 = await anonymous('GET', `/api/reports/${OFFICE}/2023`);
    const pubTxt0 = await anonymous('GET', `/api/reports/${OFFICE}/2023.txt`);
    const pubCard0 = await anonymous('GET', card('og'));
    expect([draftCard0.status, pubCard0.status]).toEqual([200, 200]);
    expect(draftCard0.headers.get('cache-control')).toBe('private, no-cache');
    // The draft and the published edition hold the same figures but say different things (草稿 vs 发布).
    expect(draftCard0.headers.get('etag')).not.toBe(pubCard0.headers.get('etag'));
    expect((await reviewer('GET', card('og', '?edition=draft'), undefined, { 'if-none-match': draftCard0.headers.get('etag')! })).status).toBe(304);

    // 1. Through the staff API: a request received by post on 1 December 2023 and registered
    //    late (today) counts as new in 2023 and is carried over (the lifecycle dates its steps
    //    from the registration on, so it cannot be concluded in 2023 any more).
    const registered = await clerk('POST', '/api/staff/requests', {
      applicant: { applicantType: 'natural_person', name: '赵六', idType: 'resident_id', idNumber: `51072719850312123${idCheckCharacter('51072719850312123')}`, phone: '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
      bodyId: OFFICE,
      description: '请提供2023年县城区道路改造工程的招标文件',
      medium: 'paper',
      delivery: 'post',
      declaration: true,
      channel: 'post_signed',
      receivedOn: '2023-12-01',
    });
    expect([registered.status, registered.status === 201 ? '' : registered.text]).toEqual([201, '']);
    const draft1 = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    expect(draft1.json.report.rows.new).toEqual(natural(8));
    expect(draft1.json.report.rows.carried_out).toEqual(natural(1));
    expect(draft1.json.fingerprint).not.toBe(draft0.json.fingerprint);
    const draftCard1 = await reviewer('GET', card('og', '?edition=draft'), undefined, { 'if-none-match': draftCard0.headers.get('etag')! });
    expect(draftCard1.status).toBe(200);
    expect(draftCard1.headers.get('etag')).not.toBe(draftCard0.headers.get('etag'));

    // 2. One request's outcome changes (a corrected record: one of the three 本机关不掌握 was in
    //    fact disclosed), stored with what it owes and performed, as every requests command does
    //    (requests/commands/outbox.ts).
    const stored = (await RequestModel.findOne({ bodyId: OFFICE, outcome: 'unable_not_held', concludedOn: { $gte: '2023-01-01', $lte: '2023-12-31' } }).lean())!;
    const events = stored.events.map((e) => (e.type === 'decide' ? { ...e, outcome: 'open' as const, legalBasis: '' } : e));
    const owed = eventsEntry(events.findIndex((e) => e.type === 'decide'), 1, new Date());
    await RequestModel.updateOne({ _id: stored._id, version: stored.version }, { $set: { events, outcome: 'open', version: stored.version + 1 }, $push: { outbox: owed } });
    const changed = (await RequestModel.findById(stored._id).lean())!;
    expect(await performOwed(t.server.background.requests, changed)).toBe(true);

    const draft2 = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    expect(draft2.json.report.rows.open).toEqual(natural(1));
    expect(draft2.json.report.rows.unable_not_held).toEqual(natural(2));
    expect(draft2.json.report.rows.total).toEqual(natural(7));
    expect(draft2.json.ok).toBe(false); // the narrative still quotes 7 received requests (N1)
    expect(draft2.json.checks.N1.failures[0].values).toEqual([7, 8]);
    const draftCard2 = await reviewer('GET', card('og', '?edition=draft'), undefined, { 'if-none-match': draftCard1.headers.get('etag')! });
    expect(draftCard2.status).toBe(200);
    expect(draftCard2.headers.get('etag')).not.toBe(draftCard1.headers.get('etag'));
    expect(draftCard2.bytes.equals(draftCard1.bytes)).toBe(false);

    // The published edition: same JSON report, same text, same card bytes and ETag (304 on revalidation).
    const pub1 = await anonymous('GET', `/api/reports/${OFFICE}/2023`);
    expect(pub1.json.report).toEqual(pub0.json.report);
    for (const key of standardRowKeys) expect(pub1.json.report.rows[key]).toEqual(seed.rows[key]);
    expect((await anonymous('GET', `/api/reports/${OFFICE}/2023.txt`)).text).toBe(pubTxt0.text);
    const pubCard1 = await anonymous('GET', card('og'));
    expect(pubCard1.headers.get('etag')).toBe(pubCard0.headers.get('etag'));
    expect(pubCard1.bytes.equals(pubCard0.bytes)).toBe(true);
    expect((await anonymous('GET', card('og'), undefined, { 'if-none-match': pubCard0.headers.get('etag')! })).status).toBe(304);
  });

  it('publishing the changed draft is a correction with its own date; edition 1 and its cards are kept', async () => {
    const edition1Card = await anonymous('GET', card('moments', '?edition=1'));
    expect(edition1Card.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const blocked = await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-03-01' });
    expect(blocked.status).toBe(201); // N1 is a caution, not a blocker
    expect(blocked.json.edition).toEqual({ n: 2, kind: 'correction', on: '2024-03-01' });
    expect(blocked.json.cautions.join()).toContain('N1');
    expect(blocked.json.editions.map((e: { kind: string }) => e.kind)).toEqual(['published', 'correction']);

    const current = await anonymous('GET', `/api/reports/${OFFICE}/2023`);
    expect(current.json.edition).toEqual({ n: 2, kind: 'correction', on: '2024-03-01' });
    expect(current.json.report.rows.new).toEqual(natural(8));
    expect(current.json.report.rows.open).toEqual(natural(1));
    const first = await anonymous('GET', `/api/reports/${OFFICE}/2023?edition=1`);
    expect(first.json.report.rows.new).toEqual(natural(7));
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const edition1Again = await anonymous('GET', card('moments', '?edition=1'));
    expect(edition1Again.headers.get('etag')).toBe(edition1Card.headers.get('etag'));
    expect(edition1Again.bytes.equals(edition1Card.bytes)).toBe(true);
    expect((await anonymous('GET', card('moments'))).headers.get('etag')).not.toBe(edition1Card.headers.get('etag'));

    // A correction cannot be dated before the edition it corrects.
    await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, { version: (await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`)).json.version, section2: { licensing: 3 } });
    const early = await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-02-01' });
    expect([early.status, early.json.error.code]).toEqual([400, 'PUBLISH_DATE_INVALID']);
  });

  it('the inputs are saved with an optimistic version: a stale one is a 409', async () => {
    const now = await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`);
    const stale = await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, { version: now.json.version - 1, section2: { licensing: 1 } });
    expect([stale.status, stale.json.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const unknown = await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, { version: now.json.version, section2: { licences: 1 } });
    expect(unknown.status).toBe(400);
  });
});
