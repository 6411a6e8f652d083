// The published 2023 report as a Word document (parsed back with jszip: the three tables in the
// official layout with merged header cells and the seed's numbers), and the share page (mobile
// page with the figures, Open Graph tags pointing at the absolute 1200×630 card, app links).
import JSZip from 'jszip';
import type { TestServer } from '../../support/server';
import { actors, apiAs, ensureSeedRequests, OFFICE, seedInputs, startReportServer, type Api } from './support';

interface DocxCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
}

/** Tables of word/document.xml → rows → cells (text, horizontal span, vertical merge). */
function docxTables(xml: string): DocxCell[][][] {
  const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
  return tables.map((table) =>
    [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => {
        const text = [...cell!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
        const span = /<w:gridSpan w:val="(\d+)"/.exec(cell!);
        const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(cell!);
        return { text, gridSpan: span ? Number(span[1]) : 1, vMerge: merge ? ((merge[1] as 'restart' | undefined) ?? 'continue') : null };
      }),
    ),
  );
}

const width = (row: DocxCell[]) => row.reduce((n, c) => n + c.gridSpan, 0);

describe('formats of the published 2023 report', () => {
  let t: TestServer;
  let reviewer: Api;
  let anonymous: Api;

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    reviewer = apiAs(t, actors.reviewer);
    anonymous = apiAs(t);
    const inputs = await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`);
    await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, seedInputs(inputs.json.version));
    expect((await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-01-20' })).status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('the .docx opens and holds tables 二, 三 and 四 in the official layout with the seed’s numbers', async () => {
    const res = await anonymous('GET', `/api/reports/${OFFICE}/2023.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=.*docx/);
    const zip = await JSZip.loadAsync(res.bytes);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('平武县人民政府办公室');
    expect(xml).toContain('2023年政府信息公开工作年度报告');
    expect(xml).toContain('2024年1月20日发布');
    expect(xml).toContain('收到和处理政府信息公开申请 7 件');

    const tables = docxTables(xml);
    expect(tables).toHaveLength(3);
    const [t2, t3, t4] = tables as [DocxCell[][], DocxCell[][], DocxCell[][]];

    // 二: four blocks of 第二十条, four columns wide on every row.
    expect(t2.map((r) => r.map((c) => c.text))).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '2', '2', '8'],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '0'],
      ['第二十条第（六）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政处罚', '0'],
      ['行政强制', '0'],
      ['第二十条第（八）项'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '0'],
    ]);
    for (const row of t2) expect(width(row)).toBe(4);

    // 三: three header rows (corner note 3×3, 申请人情况 over 7, 法人或其他组织 over 5) + 25 rows, ten columns.
    expect(t3).toHaveLength(28);
    for (const row of t3) expect(width(row)).toBe(10);
    expect(t3[0]![0]).toMatchObject({ text: '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)', gridSpan: 3, vMerge: 'restart' });
    expect(t3[0]![1]).toMatchObject({ text: '申请人情况', gridSpan: 7 });
    expect(t3[1]!.map((c) => c.text)).toEqual(['', '自然人', '法人或其他组织', '总计']);
    expect(t3[1]![2]!.gridSpan).toBe(5);
    expect(t3[2]!.map((c) => c.text)).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    const numbers = (row: DocxCell[]) => row.slice(-7).map((c) => c.text);
    const rowByLabel = (label: string) => t3.find((r) => r.some((c) => c.text === label))!;
    expect(numbers(rowByLabel('一、本年新收政府信息公开申请数量'))).toEqual(['7', '0', '0', '0', '0', '0', '7']);
    expect(numbers(rowByLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'))).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(numbers(rowByLabel('4.保护第三方合法权益'))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(numbers(rowByLabel('1.本机关不掌握相关政府信息'))).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(numbers(rowByLabel('2.没有现成信息需要另行制作'))).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(numbers(rowByLabel('（七）总计'))).toEqual(['7', '0', '0', '0', '0', '0', '7']);
    expect(numbers(rowByLabel('四、结转下年度继续办理'))).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    // 三、本年度办理结果 is one cell merged down its 22 rows; （三）不予公开 down its 8.
    const results = t3.findIndex((r) => r[0]!.text === '三、本年度办理结果');
    expect(t3.slice(results, results + 22).every((r, i) => r[0]!.vMerge === (i === 0 ? 'restart' : 'continue'))).toBe(true);
    const deny = t3.findIndex((r) => r.some((c) => c.text === '（三）不予公开'));
    expect(t3.slice(deny + 1, deny + 8).every((r) => r[1]!.vMerge === 'continue')).toBe(true);

    // 四: 行政复议 over 5, 行政诉讼 over 10, then the fifteen numbers.
    expect(t4[0]!.map((c) => [c.text, c.gridSpan])).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ]);
    expect(t4[1]!.map((c) => c.text)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']);
    expect(t4[3]!.map((c) => c.text)).toEqual(['1', '0', '0', '0', '1', '0', '1', '0', '0', '1', '0', '0', '0', '1', '1']);
    // A second download is the same bytes (ETag + 304).
    const again = await anonymous('GET', `/api/reports/${OFFICE}/2023.docx`, undefined, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('the share page: figures for a phone, Open Graph tags with the absolute 1200×630 card, links into the app', async () => {
    const res = await anonymous('GET', `/share/${OFFICE}/2023`);
    expect(res.status).toBe(200);
    const html = res.text;
    const meta = (property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">');
    expect(meta('og:title')).toBe('平武县人民政府办公室2023年政府信息公开工作年度报告');
    expect(meta('og:image')).toBe(`https://zwgk.example.gov.cn/api/cards/${OFFICE}/2023/og.png?edition=1`);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('og:url')).toBe(`https://zwgk.example.gov.cn/share/${OFFICE}/2023`);
    expect(meta('twitter:card')).toBe('summary_large_image');
    const proactive = (await anonymous('GET', `/api/reports/${OFFICE}/2023`)).json.figures['content.total'];
    expect(proactive).toBeGreaterThan(121);
    expect(meta('og:description')).toBe(`收到申请7件，办结7件，按时办结率100%，主动公开信息${proactive}条，行政复议·诉讼3件`);
    expect(html).toContain('<span class="value">7</span><span class="unit">件</span>');
    expect(html).toContain(`href="https://zwgk.example.gov.cn/app/#/report/figures/index?body=${OFFICE}&amp;year=2023"`);
    expect(html).not.toContain('weixin://'); // no AppID configured in this test
    expect(html).not.toMatch(/<script/i);
    // The og:image it names is served: a 1200×630 PNG.
    const og = await anonymous('GET', new URL(meta('og:image')!).pathname + new URL(meta('og:image')!).search);
    expect(og.headers.get('content-type')).toBe('image/png');
    expect([og.bytes.readUInt32BE(16), og.bytes.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
