// The reader against the untidy ways real reports reach us. Fixtures are synthetic but
// modelled on published reports: PDF text with space-aligned columns, web pages copied
// with pipes or one cell per line, a 2019-format report saved as GBK, a report that breaks
// its own rules. Plus transformations of the seed that must not change a single number.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../check';
import { decodeReportBytes } from '../decode';
import { ReportReadError } from '../errors';
import { standardRowKeys, type AnnualReport, type StandardRowKey } from '../model';
import { readReport } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const seedText = fixture('pingwu-2023.txt');
const seed = readReport(seedText).report;

function rowsWith(values: Partial<Record<StandardRowKey, number[]>>): Record<StandardRowKey, number[]> {
  return Object.fromEntries(standardRowKeys.map((k) => [k, values[k] ?? [0, 0, 0, 0, 0, 0, 0]])) as Record<StandardRowKey, number[]>;
}

const tables = (r: AnnualReport) => ({ section2: r.section2, rows: r.rows, section4: r.section4 });

describe('PDF text with space-aligned columns (青川县自然资源局 2022)', () => {
  const { report, issues } = readReport(fixture('qingchuan-2022-pdf.txt'));

  it('reads title, full-width digits, thousands separators, decimals and every table cell', () => {
    expect([report.body, report.year]).toEqual(['青川县自然资源局', 2022]);
    expect(report.section2).toEqual({ rules: [0, 0, 0], normative_docs: [3, 1, 12], licensing: 1204, punishment: 36, coercion: 2, fees_wan_yuan: 0.35 });
    expect(report.rows).toEqual(
      rowsWith({
        new: [23, 2, 0, 0, 1, 0, 26],
        carried_in: [1, 0, 0, 0, 0, 0, 1],
        open: [10, 1, 0, 0, 1, 0, 12],
        partial: [3, 0, 0, 0, 0, 0, 3],
        deny_third_party: [1, 0, 0, 0, 0, 0, 1],
        unable_not_held: [5, 1, 0, 0, 0, 0, 6],
        noproc_repeat: [2, 0, 0, 0, 0, 0, 2],
        total: [21, 2, 0, 0, 1, 0, 24],
        carried_out: [3, 0, 0, 0, 0, 0, 3],
      }),
    );
    expect(report.section4).toEqual({ review: [1, 0, 0, 1, 2], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] });
    expect(issues).toEqual(['已去掉3行页码']);
  });

  it('keeps narrative before and after the tables, joins PDF line wraps, drops page footers', () => {
    expect(report.narrative.section3).toBe('本年度依申请公开情况如下表：\n注：表中数据由局办公室统计。');
    expect(report.narrative.section1).toContain('办结 24 件，结转下一年度 3 件。');
    expect(report.narrative.section5).not.toContain('页');
  });

  it('holds every rule, including the figures the narrative quotes', () => {
    const checks = checkReport(report);
    expect(Object.values(checks).map((c) => c.ok)).toEqual([true, true, true, true, true, true, true, null, true]);
  });
});

describe('web page copied with pipes (深圳市龙岗区住房和建设局 2024)', () => {
  const { report, issues } = readReport(fixture('longgang-2024-web.txt'));

  it('skips the navigation bar, reads the title and every cell; "/" is a missing cell, reported', () => {
    expect([report.body, report.year]).toEqual(['深圳市龙岗区住房和建设局', 2024]);
    expect(report.section2).toEqual({ rules: [null, null, null], normative_docs: [5, 1, 25], licensing: 1832, punishment: 214, coercion: 0, fees_wan_yuan: 0 });
    expect(report.rows.new).toEqual([58, 7, 0, 0, 1, 0, 66]);
    expect(report.rows.unable_not_held).toEqual([30, 4, 0, 0, 1, 0, 35]);
    expect(report.rows.other_misc).toEqual([4, 0, 0, 0, 0, 0, 4]);
    expect(report.rows.carried_out).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(report.section4.litigation_direct).toEqual([1, 0, 0, 0, 1]);
    expect(issues).toEqual(['第二部分“规章”有占位符（/、/、/），按空格处理']);
    expect(report.narrative.preamble).toBe('发布日期：2025-01-20 来源：龙岗区住房和建设局');
    expect(report.narrative.section6).toBe('本年度未收取信息处理费。');
  });

  it('holds every rule', () => {
    const checks = checkReport(report);
    expect(Object.values(checks).map((c) => c.ok)).toEqual([true, true, true, true, true, true, true, null, true]);
  });
});

describe('web page scraped one cell per line (关坝镇人民政府 2023)', () => {
  const { report, issues } = readReport(fixture('guanba-2023-scraped.txt'));

  it('rebuilds rows from cells on separate lines', () => {
    expect([report.body, report.year]).toEqual(['关坝镇人民政府', 2023]);
    expect(report.rows).toEqual(
      rowsWith({ new: [3, 0, 0, 0, 0, 0, 3], open: [1, 0, 0, 0, 0, 0, 1], unable_not_held: [2, 0, 0, 0, 0, 0, 2], total: [3, 0, 0, 0, 0, 0, 3] }),
    );
    expect(report.section2.normative_docs).toEqual([0, 0, 0]);
    expect(report.section2.licensing).toBe(0);
    expect(report.section4).toEqual({ review: [0, 0, 0, 0, 0], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] });
    expect(issues).toEqual(['第二部分“规章”有占位符（/、/、/），按空格处理']);
    expect(report.narrative.section4).toBe('');
  });

  it('checks "未发生…行政复议、行政诉讼" against table 四', () => {
    expect(checkReport(report).N1.ok).toBe(true);
  });
});

describe('2019-format report saved as GBK (青川县教育局 2020)', () => {
  const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'qingchuan-edu-2020-2019style.gbk.txt'));
  const { text, encoding } = decodeReportBytes(bytes);
  const { report, issues } = readReport(text);

  it('is decoded as GB18030', () => {
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('青川县教育局')).toBe(true);
  });

  it('reads the single （六）其他处理 row as other_single, lost indentation and "1、" numbering included', () => {
    expect(report.rows.other_single).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.rows.other_no_correction).toEqual([null, null, null, null, null, null, null]);
    expect(report.rows.deny_process).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.rows.open).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(report.rows.total).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(issues).toContain('表三使用了2019年格式的“（六）其他处理”单行（键 other_single）');
  });

  it('does not map the 2019 section 二 columns onto the 2021 ones', () => {
    expect(report.section2.normative_docs).toEqual([null, null, null]);
    expect(issues).toContain('第二部分是2019年格式（本年新制作数量、本年新公开数量、对外公开总数量等），栏目与2021年格式不同，未读入数字');
  });

  it('holds R1–R6 with the single row; F1 names the 2019 row', () => {
    const checks = checkReport(report);
    expect([checks.R1.ok, checks.R2.ok, checks.R3.ok, checks.R4.ok]).toEqual([true, true, true, true]);
    expect(checks.F1.failures.map((f) => f.cells[0])).toEqual([{ table: 'table3', row: 'other_single', column: 'natural_person' }]);
  });
});

describe('a report that breaks its own rules (北川羌族自治县民政局 2023)', () => {
  const { report, issues } = readReport(fixture('beichuan-2023-broken.txt'));

  it('reads a label wrapped before its numbers and places a cell missing between tabs exactly', () => {
    expect(report.rows.partial).toEqual([2, 0, 0, 0, 0, 0, 3]);
    expect(report.rows.deny_law).toEqual([0, null, 0, 0, 0, 0, 0]);
    expect(issues).toEqual(['表三“不予公开·其他法律行政法规禁止公开”行有1个空单元格（第2列）']);
  });

  it('names every broken rule with its cells', () => {
    const checks = checkReport(report);
    expect(checks.R2.failures.map((f) => f.cells[6])).toEqual([{ table: 'table3', row: 'partial', column: 'total' }]);
    expect(checks.R3.failures.map((f) => f.message)).toEqual(['R3 总计列：各办理结果之和 予以公开3 + 部分公开3 + 无法提供·本机关不掌握相关政府信息2 = 8 ≠ 总计7']);
    expect(checks.R4.failures.map((f) => f.values)).toEqual([[1, 1, 0, 0, 1]]);
    expect(checks.N1.failures.map((f) => f.quote)).toEqual(['收到政府信息公开申请 8 件']);
    expect(checks.F1.failures.map((f) => f.cells)).toEqual([[{ table: 'table3', row: 'deny_law', column: 'business' }]]);
    expect(checks.R1.ok).toBe(true);
  });
});

describe('not a report', () => {
  it('throws a typed error saying why', () => {
    const attempt = (text: string) => {
      try {
        readReport(text);
      } catch (e) {
        return e instanceof ReportReadError ? [e.reason, e.message] : e;
      }
      return 'read';
    };
    expect(attempt('')).toEqual(['empty', '文件是空的']);
    expect(attempt('  \n\t\n')).toEqual(['empty', '文件是空的']);
    expect(attempt('%PDF-1.7\n%âãÏÓ\n1 0 obj')).toEqual(['binary', expect.stringContaining('PDF')]);
    expect(attempt(fixture('not-a-report.txt'))).toEqual(['not_a_report', expect.stringContaining('不是政府信息公开工作年度报告')]);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030, and binary files', () => {
    expect(() => decodeReportBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d]))).toThrow(expect.objectContaining({ reason: 'binary' }));
    expect(() => decodeReportBytes(Uint8Array.from([0x80, 0x80, 0xff, 0xff]))).toThrow(expect.objectContaining({ reason: 'encoding' }));
    expect(decodeReportBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe5, 0xb9, 0xb3]))).toEqual({ text: '平', encoding: 'utf-8' });
  });
});

// ---- The seed, made untidy in ways real copies are: not one number may change ---------------

const tableSpan = (text: string, f: (line: string) => string) => {
  const lines = text.split('\n');
  const from = lines.indexOf('二、主动公开政府信息情况');
  const to = lines.indexOf('五、存在的主要问题及改进情况');
  return lines.map((l, i) => (i > from && i < to ? f(l) : l)).join('\n');
};
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('variants of the seed read to the same numbers', () => {
  it.each([
    ['tabs replaced by runs of spaces', (t: string) => tableSpan(t, (l) => l.replace(/\t+/g, (m) => '   '.repeat(m.length)))],
    ['tabs replaced by single spaces', (t: string) => tableSpan(t, (l) => l.replace(/\t+/g, ' '))],
    ['full-width digits', (t: string) => tableSpan(t, fullWidth)],
    ['full-width brackets turned ASCII and ASCII brackets full-width', (t: string) => tableSpan(t, (l) => l.replace(/[（(]/g, (b) => (b === '(' ? '（' : '(')).replace(/[）)]/g, (b) => (b === ')' ? '）' : ')')))],
    ['"1." numbering written "1、"', (t: string) => tableSpan(t, (l) => l.replace(/(\d)\.\s?/g, '$1、'))],
    ['all indentation lost', (t: string) => tableSpan(t, (l) => l.replace(/^\t+/, ''))],
    ['spaces inside labels', (t: string) => tableSpan(t, (l) => l.replace('总计', '总 计').replace('重复申请', '重 复 申 请').replace('予以公开', '予 以 公 开'))],
    ['page footers inside the tables', (t: string) => tableSpan(t, (l) => (l.startsWith('\t\t4.') ? `${l}\n- 3 -\n第 4 页 共 9 页` : l))],
    ['Windows line endings and a BOM', (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`],
    ['a title in one line with the year first', (t: string) => t.replace('平武县人民政府办公室\n\n2023 年政府信息公开工作年度报告', '2023年平武县人民政府办公室政府信息公开工作年度报告')],
    ['one number per line', (t: string) => tableSpan(t, (l) => (/\t\d/.test(l) ? l.replace(/\t+(?=\d)/g, '\n').replace(/\t+$/, '') : l))],
    ['ideographic spaces instead of tabs', (t: string) => t.replace(/\t/g, '\u3000\u3000')],
    ['合计 instead of 总计', (t: string) => t.replace('(七) 总计', '(七) 合计')],
    ['a label wrapped before its numbers', (t: string) => t.replace('一、本年新收政府信息公开申请数量\t', '一、本年新收政府信息公开\n申请数量\t')],
    ['a Word cell with a line break', (t: string) => t.replace('其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t', '其政府信息\n公开申请\t0\t0\t0\t0\t0\t0\t0\t')],
    ['numbers between the two halves of a label', (t: string) => t.replace('\t(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)\t2\t0\t0\t0\t0\t0\t2\t', '\t(二) 部分公开(区分处理的, 只计这一\n\t\t2\t0\t0\t0\t0\t0\t2\n情形, 不计其他情形)')],
    ['table 四 wrapped over two lines', (t: string) => t.replace('1\t0\t0\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t1\t1', '1\t0\t0\t0\t1\t0\t1\t0\t0\t1\n0\t0\t0\t1\t1')],
    ['bold headings', (t: string) => t.replace(/^([一二三四五六]、.*情况|六、其他需要报告的事项)$/gm, '**$1**')],
  ])('%s', (_, transform) => {
    const { report, issues } = readReport(transform(seedText));
    expect(tables(report)).toEqual(tables(seed));
    expect([report.body, report.year]).toEqual(['平武县人民政府办公室', 2023]);
    expect(issues.filter((i) => !i.startsWith('已去掉'))).toEqual([]);
  });
});

describe('missing cells are reported, never guessed', () => {
  it('a row with six of seven numbers separated by spaces keeps all seven cells empty', () => {
    const text = tableSpan(seedText.replace('4.保护第三方合法权益\t1\t0\t0\t0\t0\t0\t1', '4.保护第三方合法权益\t1\t0\t0\t0\t0\t1'), (l) => l.replace(/\t+/g, '  '));
    const { report, issues } = readReport(text);
    expect(report.rows.deny_third_party).toEqual([null, null, null, null, null, null, null]);
    expect(issues).toContain('表三“不予公开·保护第三方合法权益”行只有6个数（应为7个），无法确定缺的是哪一格');
    const checks = checkReport(report);
    expect([checks.R2.ok, checks.R3.ok]).toEqual([null, null]);
  });

  it('a cell missing at the edge of an unevenly laid-out row keeps only the cells every placement agrees on', () => {
    const text = seedText.replace('一、本年新收政府信息公开申请数量\t\t7\t0', '一、本年新收政府信息公开申请数量\t\t\t0');
    const { report, issues } = readReport(text);
    expect(report.rows.new).toEqual([null, 0, 0, 0, 0, null, null]);
    expect(issues).toContain('表三“新收”行只有6个数（应为7个），缺格位置不确定，无法确定的格按空处理');
  });

  it('a table 四 cell missing between tabs stays in its place', () => {
    const text = seedText.replace('1\t0\t0\t0\t1\t0\t1\t0\t0\t1\t0\t0\t0\t1\t1', '1\t0\t0\t0\t1\t0\t\t0\t0\t1\t0\t0\t0\t1\t1');
    const { report, issues } = readReport(text);
    expect(report.section4.litigation_direct).toEqual([0, null, 0, 0, 1]);
    expect(issues).toEqual(['表四有空单元格：行政诉讼（未经复议直接起诉）结果纠正']);
  });

  it('placeholders such as "—" are read as missing cells and reported', () => {
    const { report, issues } = readReport(seedText.replace('行政许可\t0\t\t', '行政许可\t—\t\t'));
    expect(report.section2.licensing).toBeNull();
    expect(issues).toEqual(['第二部分“行政许可”有占位符（—），按空格处理']);
  });

  it('a missing row is reported and left empty', () => {
    const { report, issues } = readReport(seedText.replace(/\t\t7\.属于行政执法案卷[^\n]*\n/, ''));
    expect(report.rows.deny_enforcement).toEqual([null, null, null, null, null, null, null]);
    expect(issues).toEqual(['表三缺少“不予公开·属于行政执法案卷”行']);
    expect(checkReport(report).F1.failures[0]!.message).toBe('F1 缺少行或整行为空：（三）不予公开 7.属于行政执法案卷');
  });
});

describe('section headings', () => {
  it('are found without numbering, but a sentence naming a section is not a heading', () => {
    const bare = seedText.replace(/^[一二三四五]、(.*)$/gm, (line, rest: string) => (/情况$/.test(rest) ? rest : line));
    const { report, issues } = readReport(bare);
    expect(tables(report)).toEqual(tables(seed));
    expect(issues).toEqual([]);
    const none = seedText.replace(/^[一二三四五六]、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/gm, '');
    const read = readReport(none);
    expect(tables(read.report)).toEqual(tables(seed));
    // "本年度无收取信息处理费相关情况及其他需要报告的事项。" is not the heading of section 六.
    expect(read.issues).toContain('找不到第6部分标题“六、其他需要报告的事项”');
  });
});

describe('titles', () => {
  const titleOf = (title: string) => {
    const { report } = readReport(seedText.replace('平武县人民政府办公室\n\n2023 年政府信息公开工作年度报告', title));
    return [report.body, report.year];
  };
  it.each([
    ['平武县人民政府2023年度政府信息公开工作年度报告', ['平武县人民政府', 2023]],
    ['2023年平武县人民政府政府信息公开工作年度报告', ['平武县人民政府', 2023]],
    ['平武县人民政府办公室关于2023年政府信息公开工作年度报告', ['平武县人民政府办公室', 2023]],
    ['平武县人民政府办公室二〇二三年政府信息公开工作年度报告', ['平武县人民政府办公室', 2023]],
    ['2023年政府信息公开工作年度报告\n平武县人民政府办公室', ['平武县人民政府办公室', 2023]],
    ['# 平武县人民政府办公室 2023年政府信息公开工作年度报告', ['平武县人民政府办公室', 2023]],
    ['平武县人民政府办公室政府信息公开工作年度报告（2023年度）', ['平武县人民政府办公室', 2023]],
  ])('%s', (title, expected) => {
    expect(titleOf(title)).toEqual(expected);
  });

  it('takes the year from the statistics period when the title has none, and says so', () => {
    const { report, issues } = readReport(seedText.replace('2023 年政府信息公开工作年度报告', '政府信息公开工作年度报告'));
    expect(report.year).toBe(2023);
    expect(issues).toEqual(['标题中没有年度，按统计期限取2023年']);
  });
});
