// Acceptance (issue 8): with the demo data matching the seed, the report of 平武县人民政府办公室
// for 2023 — computed from the records — equals the seed's tables in every cell, its text
// rendering reads back with the shared reader to the same numbers, and the other formats carry
// the same tables.
import { readReport, standardRowKeys } from '@zwgk/shared';
import type { TestServer } from '../../support/server';
import { actors, apiAs, ensureSeedRequests, OFFICE, seedInputs, seedReport, startReportServer, type Api } from './support';

describe('the 2023 report of 平武县人民政府办公室 from the demo data', () => {
  let t: TestServer;
  let reviewer: Api;
  let anonymous: Api;
  const seed = seedReport();

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    reviewer = apiAs(t, actors.reviewer);
    anonymous = apiAs(t);
  }, 120_000);
  afterAll(() => t.close());

  it('table 三 and 四 come from the requests alone; table 二 asks for what the records do not hold', async () => {
    const r = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('draft');
    expect(r.json.edition).toBeNull();
    for (const key of standardRowKeys) expect([key, r.json.report.rows[key]]).toEqual([key, seed.rows[key]]);
    expect(r.json.report.section4).toEqual(seed.section4);
    // 规范性文件 from the published content; 许可/处罚/强制/收费 not typed yet.
    expect(r.json.report.section2).toEqual({ rules: [0, 0, 0], normative_docs: [2, 2, 8], licensing: null, punishment: null, coercion: null, fees_wan_yuan: null });
    expect(r.json.warnings.join('\n')).toContain('表二尚未填写：行政许可、行政处罚、行政强制、行政事业性收费');
    // Section 一 figures from content and posts (the seed's 121 / 29 / 32 / 158 / 22 / 14 / 3554 / 133).
    expect(r.json.figures).toMatchObject({
      'content.documents': 121,
      'content.policy_document': 29,
      'content.interpretation': 32,
      'content.overview': 158,
      'content.meeting': 22,
      'content.plan': 14,
      'media.original': 3554,
      'media.repost': 133,
      'requests.new': 7,
      'requests.on_time': 7,
      'requests.on_time_base': 7,
    });
    // The default narrative quotes the data through tokens.
    expect(r.json.report.narrative.section1).toContain('收到和处理政府信息公开申请7件');
    expect(r.json.report.narrative.section1).toContain('政务新媒体发布原创类信息3554条');
  });

  it('with the office’s inputs the draft equals the seed in every cell of 二, 三 and 四, and every rule holds', async () => {
    const inputs = await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`);
    expect(inputs.status).toBe(200);
    expect(inputs.json.saved).toBe(false);
    expect(inputs.json.figures.find((f: { key: string }) => f.key === 'requests.new')).toMatchObject({ token: '{{requests.new}}', value: 7 });
    const saved = await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, seedInputs(inputs.json.version));
    expect(saved.status).toBe(200);
    expect(saved.json.version).toBe(1);

    const r = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    expect(r.json.report.section2).toEqual(seed.section2);
    expect(r.json.report.rows).toEqual(seed.rows);
    expect(r.json.report.section4).toEqual(seed.section4);
    expect(r.json.report.body).toBe('平武县人民政府办公室');
    expect(r.json.report.narrative.section1).toBe(seed.narrative.section1);
    for (const rule of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'F1', 'N1', 'X'] as const) expect([rule, r.json.checks[rule].ok]).toEqual([rule, true]);
    expect(r.json.ok).toBe(true);
    expect(r.json.warnings).toEqual([]);
  });

  it('the plain-text layout reads back with the shared reader to the same numbers', async () => {
    const txt = await reviewer('GET', `/api/reports/${OFFICE}/2023.txt?edition=draft`);
    expect(txt.status).toBe(200);
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const back = readReport(txt.text);
    expect(back.issues).toEqual([]);
    expect(back.report.body).toBe('平武县人民政府办公室');
    expect(back.report.year).toBe(2023);
    expect(back.report.section2).toEqual(seed.section2);
    expect(back.report.rows).toEqual(seed.rows);
    expect(back.report.section4).toEqual(seed.section4);
  });

  it('Markdown and the printable page carry the same tables', async () => {
    const md = await reviewer('GET', `/api/reports/${OFFICE}/2023.md?edition=draft`);
    expect(md.status).toBe(200);
    expect(md.text).toContain('| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
    const html = await reviewer('GET', `/api/reports/${OFFICE}/2023.html?edition=draft`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // The page's own <style> must be allowed by its CSP (the API default forbids it).
    expect(html.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    expect(html.text).toContain('<tr data-row="unable_not_held">');
    expect(html.text.match(/<table class="/g)).toHaveLength(6); // 4 blocks of 二, 三, 四
  });

  it('an unpublished report is staff-only: the public gets 404 for JSON, formats, cards and the share page', async () => {
    expect((await anonymous('GET', `/api/reports/${OFFICE}/2023`)).status).toBe(404);
    expect((await anonymous('GET', `/api/reports/${OFFICE}/2023.txt`)).status).toBe(404);
    expect((await anonymous('GET', `/api/cards/${OFFICE}/2023/og.png`)).status).toBe(404);
    const share = await anonymous('GET', `/share/${OFFICE}/2023`);
    expect(share.status).toBe(404);
    expect(share.text).toContain('报告尚未发布');
    // Staff of another body do not see it either.
    expect((await apiAs(t, actors.eduClerk)('GET', `/api/reports/${OFFICE}/2023?edition=draft`)).status).toBe(404);
  });

  it('publishing freezes it; the public then reads the same tables', async () => {
    const clerk = apiAs(t, actors.clerk);
    expect((await clerk('POST', `/api/reports/${OFFICE}/2023/publish`, {})).status).toBe(403);
    const draft = await reviewer('GET', `/api/reports/${OFFICE}/2023?edition=draft`);
    const published = await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-01-20', fingerprint: draft.json.fingerprint });
    expect(published.status).toBe(201);
    expect(published.json.edition).toEqual({ n: 1, kind: 'published', on: '2024-01-20' });
    // A retry publishes nothing new.
    const again = await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-01-20' });
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);

    const pub = await anonymous('GET', `/api/reports/${OFFICE}/2023`);
    expect(pub.status).toBe(200);
    expect(pub.json.status).toBe('published');
    expect(pub.json.report.rows).toEqual(seed.rows);
    expect(pub.json.report.section2).toEqual(seed.section2);
    expect(pub.json.report.section4).toEqual(seed.section4);
    expect(pub.headers.get('cache-control')).toBe('public, max-age=60');
    const txt = await anonymous('GET', `/api/reports/${OFFICE}/2023.txt`);
    expect(readReport(txt.text).report.rows).toEqual(seed.rows);
  });
});
