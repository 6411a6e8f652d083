// The CLI as a county office runs it: spawned with tsx on real files.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { standardRowKeys } from './model';
import { readReport } from './read';
import { ruleIds } from './rules';

const root = resolve(__dirname, '..', '..', '..');
const fixtures = join(__dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'report-cli-'));

function run(...args: string[]) {
  const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('report check', () => {
  it('prints the tables and passes the seed (exit 0)', () => {
    const r = run('check', join(fixtures, 'pingwu-2023.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('平武县人民政府办公室 2023年政府信息公开工作年度报告');
    expect(r.stdout).toMatch(/新收\s+7\s+0\s+0\s+0\s+0\s+0\s+7/);
    expect(r.stdout).toMatch(/R1\s+通过/);
    expect(r.stdout).toContain('结论：没有发现违反勾稽关系的地方。');
    // Every cell is there: no □, so no legend explaining it.
    expect(r.stdout).not.toContain('□');
  });

  it('--json prints exactly one JSON object with the keys of annual-report.md', () => {
    const r = run('check', join(fixtures, 'pingwu-2023.txt'), '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.year).toBe(2023);
    expect(json.body).toBe('平武县人民政府办公室');
    expect(json.section2).toEqual({ rules: [0, 0, 0], normative_docs: [2, 2, 8], licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0 });
    expect(Object.keys(json.rows)).toEqual([...standardRowKeys]);
    expect(json.rows.partial).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(json.section4).toEqual({ review: [1, 0, 0, 0, 1], litigation_direct: [0, 1, 0, 0, 1], litigation_after_review: [0, 0, 0, 1, 1] });
    expect(Object.keys(json.checks)).toEqual([...ruleIds]);
    expect(json.checks.R1).toEqual({ ok: true, failures: [] });
    expect(json.checks.X).toEqual({ ok: null, failures: [], skipped: '未提供上年度报告' });
    writeFileSync(join(tmp, 'seed.json'), r.stdout);
  });

  it('lists every violation of a broken report (exit 1)', () => {
    const text = run('check', join(fixtures, 'beichuan-2023-broken.txt'));
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('✗ R2 部分公开行：自然人2 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 2 ≠ 总计3');
    expect(text.stdout).toContain('✗ R4 行政复议：维持1 + 纠正1 + 其他0 + 尚未审结0 = 2 ≠ 总计1');
    expect(text.stdout).toContain('✗ N1 正文“收到政府信息公开申请 8 件”为8，与表三本年新收（总计列）9不符');
    expect(text.stdout).toContain('结论：R2、R3、R4、F1、N1 不符，请更正后再发布。');
    // The one missing cell is shown as □, and the legend says what □ means.
    expect(text.stdout).toMatch(/不予公开·其他法律行政法规禁止公开\s+0\s+□\s+0/);
    expect(text.stdout).toContain('（□ 表示报告中缺少的单元格）');
    const json = run('check', join(fixtures, 'beichuan-2023-broken.txt'), '--json');
    expect(json.status).toBe(1);
    const checks = JSON.parse(json.stdout).checks;
    expect(ruleIds.filter((id) => checks[id].ok === false)).toEqual(['R2', 'R3', 'R4', 'F1', 'N1']);
    expect(checks.R2.failures[0].cells).toContainEqual({ table: 'table3', row: 'partial', column: 'total' });
    expect(JSON.parse(json.stdout).rows.deny_law).toEqual([0, null, 0, 0, 0, 0, 0]);
  });

  it('reads a GBK file and says so', () => {
    const r = run('check', join(fixtures, 'qingchuan-edu-2020-2019style.gbk.txt'));
    expect(r.status).toBe(1); // F1: the 2019 single 其他处理 row
    expect(r.stdout).toContain('文件编码为 GB18030，已按此解码');
    expect(r.stdout).toMatch(/其他处理（单行）\s+1\s+0\s+0\s+0\s+0\s+0\s+1/);
  });

  it('checks X against last year given with --previous', () => {
    const previous = readReport(
      run('render', join(tmp, 'seed.json')).stdout.replace('2023年政府信息公开工作年度报告', '2022年政府信息公开工作年度报告').replace(
        '四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0',
        '四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1',
      ),
    ).report;
    expect(previous.year).toBe(2022);
    writeFileSync(join(tmp, 'previous.json'), JSON.stringify(previous));
    const r = run('check', join(fixtures, 'pingwu-2023.txt'), '--previous', join(tmp, 'previous.json'), '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).checks.X.failures.map((f: { message: string }) => f.message)).toEqual([
      'X 自然人列：本年上年结转0 ≠ 上年度报告结转下年度继续办理1',
      'X 总计列：本年上年结转0 ≠ 上年度报告结转下年度继续办理1',
    ]);
  });

  it('exits 2 with the reason when the input is not a report', () => {
    const notReport = run('check', join(fixtures, 'not-a-report.txt'));
    expect(notReport.status).toBe(2);
    expect(notReport.stdout).toBe('');
    expect(notReport.stderr).toContain('无法作为年度报告读取（not_a_report）：不是政府信息公开工作年度报告');
    const json = run('check', join(fixtures, 'not-a-report.txt'), '--json');
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { reason: 'not_a_report', message: expect.stringContaining('没有找到报告的表格') } });
    writeFileSync(join(tmp, 'report.pdf'), Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    expect(run('check', join(tmp, 'report.pdf')).stderr).toContain('（binary）：这是 PDF 或 Word 文件');
    const missing = run('check', join(tmp, 'nothing-here.txt'));
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('找不到文件')]);
    const usage = run('check');
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('用法')]);
  });
});

describe('report render', () => {
  it('renders the JSON of `check --json` as text that reads back to every cell, and as Markdown and HTML', () => {
    const text = run('render', join(tmp, 'seed.json'));
    expect(text.status).toBe(0);
    const original = readReport(readFileSync(join(fixtures, 'pingwu-2023.txt'))).report;
    expect(readReport(text.stdout).report).toEqual(original);
    const md = run('render', join(tmp, 'seed.json'), '--format', 'md');
    expect(md.stdout).toContain('| （三）不予公开 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    const html = run('render', join(tmp, 'seed.json'), '--format', 'html');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<th rowspan="22" scope="rowgroup">三、本年度办理结果</th>');
  });

  it('refuses JSON that is not a report (exit 2)', () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ year: 2023, body: 'x', rows: { new: [1, 2] } }));
    const r = run('render', join(tmp, 'bad.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('（invalid_json）：JSON 不是年度报告的结构');
    expect(run('render', join(tmp, 'seed.json'), '--format', 'pdf').stderr).toContain('--format 只能是 text、md 或 html');
  });
});

function readFileSync(path: string): string {
  return require('node:fs').readFileSync(path, 'utf8');
}
