import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { emptyNarrative, emptyReport, standardRowKeys, type AnnualReport, type Cell } from './model';
import { readReport } from './read';
import { escapeHtml, renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

const seed = readReport(readFileSync(join(__dirname, 'fixtures', 'pingwu-2023.txt'), 'utf8')).report;

describe('renderText', () => {
  const text = renderText(seed);
  const lines = text.split('\n');

  it('prints the title, the six headings and the narrative in order', () => {
    expect(lines.slice(0, 3)).toEqual(['平武县人民政府办公室', '', '2023年政府信息公开工作年度报告']);
    const order = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].map((h) =>
      lines.indexOf(h),
    );
    expect(order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1]!))).toBe(true);
    expect(lines.indexOf('（一）主动公开')).toBeGreaterThan(order[0]!);
  });

  it('prints section 二 as four tab-separated blocks', () => {
    const at = lines.indexOf('第二十条第（一）项\t\t\t');
    expect(lines.slice(at, at + 4)).toEqual(['第二十条第（一）项\t\t\t', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t0', '行政规范性文件\t2\t2\t8']);
    expect(lines).toContain('行政事业性收费\t0\t\t');
  });

  it('prints table 三 with the corner note, grouped labels and ten cells on every row', () => {
    const at = lines.findIndex((l) => l.startsWith('(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t'));
    const table = lines.slice(at, at + 28);
    expect(table.every((l) => l.split('\t').length === 10)).toBe(true);
    expect(table[3]).toBe('一、本年新收政府信息公开申请数量\t\t\t7\t0\t0\t0\t0\t0\t7');
    expect(table[5]).toBe('三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0');
    expect(table[6]).toBe('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t2\t0\t0\t0\t0\t0\t2');
    expect(table[7]).toBe('\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0');
    expect(table[8]).toBe('\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0');
    expect(table[26]).toBe('\t（七）总计\t\t7\t0\t0\t0\t0\t0\t7');
    expect(table[27]).toBe('四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0');
  });

  it('prints table 四 as three heading lines and 15 numbers', () => {
    const at = lines.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const numbers = lines.slice(at).find((l) => /^\d/.test(l))!;
    expect(numbers).toBe('1\t0\t0\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t1\t1');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(seed);

  it('is a printable page with the official merged cells', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page');
    expect(html).toContain('<th colspan="3" rowspan="3" class="corner">(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)</th>');
    expect(html).toContain('<th rowspan="22" scope="rowgroup">三、本年度办理结果</th>');
    expect(html).toContain('<th rowspan="8" scope="rowgroup">（三）不予公开</th><th scope="row">1.属于国家秘密</th>');
    expect(html).toContain('<th colspan="2" scope="row">（七）总计</th><td>7</td>');
    expect(html).toContain('<th colspan="5" scope="colgroup">未经复议直接起诉</th>');
    expect((html.match(/<tr data-row=/g) ?? []).length).toBe(25);
  });

  it('escapes every piece of text', () => {
    const report: AnnualReport = { ...emptyReport(), body: '<script>alert("x")</script>', year: 2024 };
    report.narrative = { ...emptyNarrative(), section1: 'a & b <b>粗</b>' };
    const page = renderHtml(report);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('<p>a &amp; b &lt;b&gt;粗&lt;/b&gt;</p>');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('marks missing cells instead of printing a number', () => {
    const report = { ...seed, rows: { ...seed.rows, new: [null, 0, 0, 0, 0, 0, 7] } };
    expect(renderHtml(report)).toContain('<tr data-row="new"><th colspan="3" scope="row">一、本年新收政府信息公开申请数量</th><td class="missing"></td><td>0</td>');
  });
});

describe('renderMarkdown', () => {
  it('prints headings and GitHub tables', () => {
    const md = renderMarkdown(seed);
    expect(md).toContain('# 平武县人民政府办公室 2023年政府信息公开工作年度报告');
    expect(md).toContain('## 三、收到和处理政府信息公开申请情况');
    expect(md).toContain('| 三、本年度办理结果 （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('| （三）不予公开 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(md).toContain('| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 1 | 1 |');
  });
});

// ---- Render → read round trip ----------------------------------------------------------------

const cell: fc.Arbitrary<Cell> = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3000 }) }, { weight: 1, arbitrary: fc.constant(null) });
const cells = (n: number) => fc.array(cell, { minLength: n, maxLength: n });

const arbitraryReport: fc.Arbitrary<AnnualReport> = fc
  .record({
    body: fc.constantFrom('平武县人民政府办公室', '青川县自然资源局', '某某街道办事处'),
    year: fc.integer({ min: 2019, max: 2030 }),
    rows: fc.array(cells(7), { minLength: 25, maxLength: 25 }),
    single: fc.option(cells(7), { nil: null }),
    section2: fc.record({ rules: cells(3), normative_docs: cells(3), licensing: cell, punishment: cell, coercion: cell, fees_wan_yuan: fc.oneof(cell, fc.constantFrom(0.5, 12.35)) }),
    section4: fc.record({ review: cells(5), litigation_direct: cells(5), litigation_after_review: cells(5) }),
  })
  .map(({ body, year, rows, single, section2, section4 }) => {
    const report = emptyReport();
    Object.assign(report, { body, year, section2, section4 });
    standardRowKeys.forEach((key, i) => (report.rows[key] = rows[i]!));
    if (single) {
      // A 2019-style report: the single row instead of the three 其他处理 rows.
      report.rows.other_single = single;
      for (const key of ['other_no_correction', 'other_unpaid_fee', 'other_misc'] as const) report.rows[key] = [null, null, null, null, null, null, null];
    }
    report.narrative = {
      ...emptyNarrative(),
      preamble: '本报告根据《条例》编制。',
      section1: '（一）主动公开\n全年主动公开文件若干。',
      section5: '存在的问题是公开不够及时。',
      section6: '无。',
    };
    return report;
  });

const cellsOf = (r: AnnualReport) => ({ body: r.body, year: r.year, section2: r.section2, rows: r.rows, section4: r.section4 });

describe('render → read round trip', () => {
  it('returns every cell of the seed, and its narrative, from the text layout', () => {
    expect(readReport(renderText(seed)).report).toEqual(seed);
  });

  it('returns every cell of any report from the text layout, missing cells included (property)', () => {
    fc.assert(
      fc.property(arbitraryReport, (report) => {
        const { report: back } = readReport(renderText(report));
        expect(cellsOf(back)).toEqual(cellsOf(report));
        expect(back.narrative).toEqual(report.narrative);
      }),
      { numRuns: 150 },
    );
  });

  it('returns every cell of any report from the Markdown layout (property)', () => {
    fc.assert(
      fc.property(arbitraryReport, (report) => {
        expect(cellsOf(readReport(renderMarkdown(report)).report)).toEqual(cellsOf(report));
      }),
      { numRuns: 100 },
    );
  });
});
