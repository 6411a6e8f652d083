// History and the county overview (issue 8): published reports of earlier years are imported
// from their text with the shared reader; the carry-over rule X is checked across years; the
// county overview lists every body × year with its status, key figures and broken rules — and
// flags the unit whose imported report breaks R1.
import { renderText, type AnnualReport } from '@zwgk/shared';
import { prefetchSources } from '../../../server/src/reports/sources-batch';
import { loadSources } from '../../../server/src/reports/sources';
import type { TestServer } from '../../support/server';
import { actors, apiAs, EDUCATION, ensureSeedRequests, OFFICE, SEED_TEXT, seedReport, startReportServer, type Api } from './support';

const natural = (n: number) => [n, 0, 0, 0, 0, 0, n];

/** The seed report changed into another body's or year's published text. */
function variant(change: (r: AnnualReport) => void): string {
  const r = seedReport();
  change(r);
  return renderText(r);
}

describe('imported history, rule X across years, and the county overview', () => {
  let t: TestServer;
  let countyAdmin: Api;
  let reviewer: Api;

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    countyAdmin = apiAs(t, actors.countyAdmin);
    reviewer = apiAs(t, actors.reviewer);
  }, 120_000);
  afterAll(() => t.close());

  it('imports a published report from its text as a historical edition; the reader’s notes come back', async () => {
    // The office's 2022 report as published: 9 received, 8 concluded, 1 carried over into 2023.
    const text2022 = variant((r) => {
      r.year = 2022;
      r.rows.new = natural(9);
      r.rows.open = natural(1); // + partial 2, deny 1, not held 3, need create 1 (the seed's) = 8
      r.rows.total = natural(8);
      r.rows.carried_out = natural(1);
      r.narrative.section1 = '2022年，收到和处理政府信息公开申请9件，结转下年度继续办理1件。';
    });
    const res = await reviewer('POST', `/api/reports/${OFFICE}/import`, { text: text2022, publishedOn: '2023-01-18' });
    expect(res.status).toBe(201);
    expect([res.json.failures, res.json.ok]).toEqual([[], true]);
    expect(res.json).toMatchObject({ year: 2022, edition: { n: 1, kind: 'imported', on: '2023-01-18' }, issues: [], ok: true });
    // The same text again is not a new edition.
    expect((await reviewer('POST', `/api/reports/${OFFICE}/import`, { text: text2022 })).json.edition.n).toBe(1);

    const pub = await apiAs(t)('GET', `/api/reports/${OFFICE}/2022`);
    expect(pub.json).toMatchObject({ status: 'imported', edition: { kind: 'imported' } });
    expect(pub.json.report.rows.carried_out).toEqual(natural(1));
    expect(pub.json.figures['content.total']).toBeNull(); // not in the tables of a text
    // Cards of a historical report show what its tables give.
    expect((await apiAs(t)('GET', `/api/cards/${OFFICE}/2022/chat.png`)).status).toBe(200);
  });

  it('refuses what is not a report, a year that contradicts the title, and overwriting a year published in the system', async () => {
    const notReport = await reviewer('POST', `/api/reports/${OFFICE}/import`, { text: '关于开展春季植树活动的通知\n各单位：请于3月12日参加植树。' });
    expect([notReport.status, notReport.json.error.code]).toEqual([422, 'REPORT_UNREADABLE']);
    const wrongYear = await reviewer('POST', `/api/reports/${OFFICE}/import`, { text: SEED_TEXT, year: 2021 });
    expect([wrongYear.status, wrongYear.json.error.code]).toEqual([400, 'YEAR_MISMATCH']);
    // Only reviewers/admins of the body import.
    expect((await apiAs(t, actors.clerk)('POST', `/api/reports/${OFFICE}/import`, { text: SEED_TEXT })).status).toBe(403);
    expect((await apiAs(t, actors.eduAdmin)('POST', `/api/reports/${OFFICE}/import`, { text: SEED_TEXT })).status).toBe(404);
  });

  it('rule X: this year’s carry-in is checked against last year’s published carry-over', async () => {
    const draft = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    expect(draft.json.checks.X.ok).toBe(false);
    expect(draft.json.checks.X.failures[0]).toMatchObject({ rule: 'X', values: [0, 1] });
    expect(draft.json.checks.X.failures[0].message).toContain('本年上年结转0 ≠ 上年度报告结转下年度继续办理1');
  });

  it('the county overview: every body × year, status, key figures, and the unit whose imported report breaks R1', async () => {
    // The education bureau's 2023 report as it was published — with a wrong total (R1 broken).
    const broken = variant((r) => {
      r.body = '平武县教育局';
      r.rows.new = natural(5);
      r.narrative.section1 = '';
    });
    const imported = await countyAdmin('POST', `/api/reports/${EDUCATION}/import`, { text: broken, publishedOn: '2024-01-25' });
    expect(imported.status).toBe(201);
    expect(imported.json.ok).toBe(false);
    expect(imported.json.failures.map((f: { rule: string }) => f.rule)).toContain('R1');

    const started = Date.now();
    const res = await countyAdmin('GET', '/api/reports/county/pingwu?years=2022-2023');
    const coldMs = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.json.years).toEqual([2022, 2023]);
    expect(res.json.countyName).toBe('平武县');
    expect(res.json.rows.length).toBeGreaterThan(40); // 1 office + departments + townships of the demo county
    expect(res.json.rows[0]).toMatchObject({ bodyId: OFFICE, kind: 'government' });

    const cell = (body: string, year: number) => res.json.rows.find((r: { bodyId: string }) => r.bodyId === body).years.find((y: { year: number }) => y.year === year);
    const edu = cell(EDUCATION, 2023);
    expect(edu).toMatchObject({ status: 'imported', ok: false, edition: { n: 1, kind: 'imported', on: '2024-01-25' }, figures: { new: 5, total: 7, carried_out: 0 } });
    const r1 = edu.failures.filter((f: { rule: string }) => f.rule === 'R1');
    expect(r1.map((f: { message: string }) => f.message)).toEqual(['R1 自然人列：新收5 + 上年结转0 ≠ 总计7 + 结转下年0（5 ≠ 7）', 'R1 总计列：新收5 + 上年结转0 ≠ 总计7 + 结转下年0（5 ≠ 7）']);

    expect(cell(OFFICE, 2022)).toMatchObject({ status: 'imported', ok: true, figures: { new: 9, total: 8, carried_out: 1 } });
    const office2023 = cell(OFFICE, 2023);
    expect(office2023).toMatchObject({ status: 'draft', edition: null, figures: { new: 7, carried_in: 0, total: 7, carried_out: 0, review: 1, litigation: 2 } });
    // X in the 自然人 and 总计 columns: 2023 carries in 0 where the imported 2022 carried over 1.
    expect(office2023.failures.map((f: { message: string }) => f.message)).toEqual(['X 自然人列：本年上年结转0 ≠ 上年度报告结转下年度继续办理1', 'X 总计列：本年上年结转0 ≠ 上年度报告结转下年度继续办理1']);
    // A township with no records: an all-zero draft that breaks nothing.
    const township = res.json.rows.find((r: { kind: string }) => r.kind === 'township');
    expect(township.years[1]).toMatchObject({ status: 'draft', ok: true, figures: { new: 0, total: 0 } });
    expect(res.json.problems).toBe(2);

    // Warm: every draft comes from the cache.
    const warmStarted = Date.now();
    const warm = await countyAdmin('GET', '/api/reports/county/pingwu?years=2022-2023');
    const warmMs = Date.now() - warmStarted;
    expect(warm.json.problems).toBe(2);
    expect(warmMs).toBeLessThan(coldMs);
  });

  it('a batch loader asked for a body-year it did not prefetch reads it on its own (a cached draft can go stale mid-overview)', async () => {
    const load = await prefetchSources([OFFICE], [2023]);
    expect(JSON.stringify(await load(EDUCATION, 2023))).toEqual(JSON.stringify(await loadSources(EDUCATION, 2023)));
    expect(JSON.stringify(await load(OFFICE, 2022))).toEqual(JSON.stringify(await loadSources(OFFICE, 2022)));
  });

  it('staff see only the bodies they may see; another county is a 404', async () => {
    const own = await apiAs(t, actors.eduClerk)('GET', '/api/reports/county/pingwu?years=2023');
    expect(own.json.rows.map((r: { bodyId: string }) => r.bodyId)).toEqual([EDUCATION]);
    expect((await countyAdmin('GET', '/api/reports/county/qingchuan?years=2023')).status).toBe(404);
    expect((await apiAs(t)('GET', '/api/reports/county/pingwu')).status).toBe(401);
  });
});
