import { allFailures, allRulesHold, checkReport } from './check';
import { deriveTable3 } from './derive';
import { emptyReport, emptyRows, type AnnualReport } from './model';

/** A consistent report: 6 natural persons and 1 business, one carried out. */
function consistent(): AnnualReport {
  const report = emptyReport();
  report.body = '某县某局';
  report.year = 2023;
  report.rows = deriveTable3(
    [
      ...Array.from({ length: 5 }, () => ({ applicantType: 'natural_person' as const, receivedOn: '2023-03-01', concludedOn: '2023-03-20', outcome: 'open' as const })),
      { applicantType: 'natural_person', receivedOn: '2023-12-28', concludedOn: null, outcome: null },
      { applicantType: 'business', receivedOn: '2022-12-20', concludedOn: '2023-01-10', outcome: 'unable_not_held' },
    ],
    2023,
  );
  report.section4 = { review: [1, 0, 0, 0, 1], litigation_direct: [0, 0, 0, 0, 0], litigation_after_review: [0, 0, 0, 0, 0] };
  report.section2 = { rules: [0, 0, 0], normative_docs: [1, 0, 5], licensing: 3, punishment: 0, coercion: 0, fees_wan_yuan: 0 };
  return report;
}

describe('checkReport', () => {
  it('passes a consistent report; X and N1 cannot be checked without last year and quotes', () => {
    const checks = checkReport(consistent());
    expect(allRulesHold(checks)).toBe(true);
    expect(allFailures(checks)).toEqual([]);
    expect(checks.X).toEqual({ ok: null, failures: [], skipped: '未提供上年度报告' });
    expect(checks.N1).toEqual({ ok: null, failures: [], skipped: '正文未引用可核对的数字' });
  });

  it('R1 names the column, the four cells and the numbers', () => {
    const report = consistent();
    report.rows.new[0] = 7; // natural persons: 7 + 0 ≠ 5 + 1
    report.rows.new[6] = 8;
    const { R1 } = checkReport(report);
    expect(R1.ok).toBe(false);
    expect(R1.failures).toEqual([
      {
        rule: 'R1',
        message: 'R1 自然人列：新收7 + 上年结转0 ≠ 总计5 + 结转下年1（7 ≠ 6）',
        cells: [
          { table: 'table3', row: 'new', column: 'natural_person' },
          { table: 'table3', row: 'carried_in', column: 'natural_person' },
          { table: 'table3', row: 'total', column: 'natural_person' },
          { table: 'table3', row: 'carried_out', column: 'natural_person' },
        ],
        values: [7, 0, 5, 1],
      },
      expect.objectContaining({ rule: 'R1', message: 'R1 总计列：新收8 + 上年结转1 ≠ 总计6 + 结转下年1（9 ≠ 7）' }),
    ]);
  });

  it('R2 names the row whose 总计 is not the sum of the applicant columns', () => {
    const report = consistent();
    report.rows.open[6] = 4;
    const { R2 } = checkReport(report);
    expect(R2.failures).toHaveLength(1);
    expect(R2.failures[0]!.message).toBe('R2 予以公开行：自然人5 + 商业企业0 + 科研机构0 + 社会公益组织0 + 法律服务机构0 + 其他0 = 5 ≠ 总计4');
    expect(R2.failures[0]!.cells).toHaveLength(7);
    expect(R2.failures[0]!.values).toEqual([5, 0, 0, 0, 0, 0, 4]);
  });

  it('R3 lists the outcomes that do not add up to 总计', () => {
    const report = consistent();
    report.rows.deny_third_party[1] = 1;
    const { R3 } = checkReport(report);
    expect(R3.failures.map((f) => f.message)).toEqual(['R3 商业企业列：各办理结果之和 不予公开·保护第三方合法权益1 + 无法提供·本机关不掌握相关政府信息1 = 2 ≠ 总计1']);
    expect(R3.failures[0]!.cells).toContainEqual({ table: 'table3', row: 'deny_third_party', column: 'business' });
    expect(R3.failures[0]!.cells).toContainEqual({ table: 'table3', row: 'total', column: 'business' });
  });

  it('R4–R6 check each block of table 四', () => {
    const report = consistent();
    report.section4.review = [1, 1, 0, 0, 1];
    report.section4.litigation_after_review = [0, 0, 0, 2, 1];
    const checks = checkReport(report);
    expect(checks.R4.failures.map((f) => f.message)).toEqual(['R4 行政复议：维持1 + 纠正1 + 其他0 + 尚未审结0 = 2 ≠ 总计1']);
    expect(checks.R5.ok).toBe(true);
    expect(checks.R6.failures[0]!.message).toBe('R6 行政诉讼（复议后起诉）：维持0 + 纠正0 + 其他0 + 尚未审结2 = 2 ≠ 总计1');
    expect(checks.R6.failures[0]!.cells.map((c) => c.column)).toEqual(['upheld', 'corrected', 'other', 'pending', 'total']);
  });

  it('a missing cell makes the rules that need it unchecked (null), never guessed, and F1 names it', () => {
    const report = consistent();
    report.rows.carried_in[1] = null;
    const checks = checkReport(report);
    expect(checks.R1.ok).toBeNull();
    expect(checks.R1.skipped).toBe('商业企业列缺少上年结转/商业企业');
    expect(checks.R2.ok).toBeNull();
    expect(checks.R3.ok).toBe(true);
    expect(checks.F1.ok).toBe(false);
    expect(checks.F1.failures).toEqual([
      { rule: 'F1', message: 'F1 上年结转行有空单元格：上年结转/商业企业', cells: [{ table: 'table3', row: 'carried_in', column: 'business' }], values: [null] },
    ]);
  });

  it('a failure elsewhere still makes the rule fail even when some columns cannot be checked', () => {
    const report = consistent();
    report.rows.carried_in[1] = null;
    report.rows.new[0] = 9;
    expect(checkReport(report).R1.ok).toBe(false);
  });

  it('F1 reports missing rows and the 2019 single 其他处理 row; R3 then counts the single row', () => {
    const report = consistent();
    const rows = emptyRows();
    Object.assign(rows, report.rows, {
      other_no_correction: [null, null, null, null, null, null, null],
      other_unpaid_fee: [null, null, null, null, null, null, null],
      other_misc: [null, null, null, null, null, null, null],
      other_single: [0, 0, 0, 0, 0, 0, 0],
    });
    rows.deny_law = [null, null, null, null, null, null, null];
    report.rows = rows;
    const checks = checkReport(report);
    expect(checks.F1.failures.map((f) => f.message)).toEqual([
      'F1 缺少行或整行为空：（三）不予公开 2.其他法律行政法规禁止公开',
      'F1 （六）其他处理印成了一行（2019年格式），2021年格式应分为“1.逾期不补正”“2.逾期未缴费”“3.其他”三行',
    ]);
    expect(checks.R2.ok).toBeNull(); // deny_law is empty
    expect(checks.R3.ok).toBeNull();
    rows.deny_law = [0, 0, 0, 0, 0, 0, 0];
    expect(checkReport(report).R3.ok).toBe(true);
    rows.other_single = [1, 0, 0, 0, 0, 0, 1];
    expect(checkReport(report).R3.failures[0]!.message).toContain('其他处理（单行）1');
  });

  it("X compares this year's 上年结转 with last year's 结转下年, column by column", () => {
    const report = consistent();
    const previous = consistent();
    previous.year = 2022;
    previous.rows.carried_out = [0, 2, 0, 0, 0, 0, 2];
    const { X } = checkReport(report, { previous });
    expect(X.ok).toBe(false);
    expect(X.failures.map((f) => f.message)).toEqual(['X 商业企业列：本年上年结转1 ≠ 上年度报告结转下年度继续办理2', 'X 总计列：本年上年结转1 ≠ 上年度报告结转下年度继续办理2']);
    previous.rows.carried_out = [0, 1, 0, 0, 0, 0, 1];
    expect(checkReport(report, { previous }).X).toEqual({ ok: true, failures: [] });
    previous.year = 2021;
    expect(checkReport(report, { previous }).X).toEqual({ ok: null, failures: [], skipped: '所给上年度报告是2021年度的，不是2022年度的' });
  });

  it('N1 compares figures quoted in the narrative with the tables', () => {
    const report = consistent();
    report.narrative.section1 = '2023年，共收到政府信息公开申请 6 件，上年结转 1 件，结转下年度继续办理 1 件。行政复议 2 件，未发生行政诉讼。';
    const { N1 } = checkReport(report);
    expect(N1.ok).toBe(false);
    expect(N1.failures).toEqual([
      {
        rule: 'N1',
        message: 'N1 正文“行政复议 2 件”为2，与表四行政复议总计1不符',
        cells: [{ table: 'section4', row: 'review', column: 'total' }],
        values: [2, 1],
        quote: '行政复议 2 件',
      },
    ]);
  });
});
