// composeReport and the figure tokens, without a database: tables from records with the shared
// derivation, section 二 from content + inputs (overrides win), the narrative's {{tokens}}.
import { checkReport, countMedia, type RequestRecord } from '@zwgk/shared';
import { composeReport, emptySection2Inputs, type ComposeInput, type LabelledRecord } from './compose';
import { defaultNarrative, substituteFigures, type ReportFigures } from './figures';
import { fitValueSize } from './cards/layouts';

const record = (r: Partial<RequestRecord> & { label?: string }): LabelledRecord => ({
  label: r.label ?? '申请 X',
  applicantType: r.applicantType ?? 'natural_person',
  receivedOn: r.receivedOn ?? '2023-03-01',
  concludedOn: r.concludedOn === undefined ? '2023-03-20' : r.concludedOn,
  outcome: r.outcome === undefined ? 'open' : r.outcome,
});

const media = countMedia({
  bodyId: 'b',
  year: 2023,
  items: [
    { category: 'normative_doc', publishedAt: '2023-05-01T02:00:00Z', document: { issuedOn: '2023-04-28' } },
    { category: 'normative_doc', publishedAt: '2019-05-01T02:00:00Z', document: { issuedOn: '2019-04-28', abolishedOn: '2023-09-01' } },
    { category: 'policy_document', publishedAt: '2023-06-01T02:00:00Z' },
    { category: 'interpretation', publishedAt: '2023-06-02T02:00:00Z' },
  ],
  posts: [{ accountId: 'a', origin: 'original', postedAt: '2023-07-01T02:00:00Z' }],
  accounts: [{ id: 'a', name: '发布', platform: 'wechat_oa', status: 'operating' }],
});

const input = (over: Partial<ComposeInput> = {}): ComposeInput => ({
  bodyName: '某县人民政府办公室',
  year: 2023,
  records: [
    record({}),
    record({ applicantType: 'business', outcome: 'partial' }),
    record({ receivedOn: '2022-12-20', concludedOn: '2023-01-10', outcome: 'unable_not_held' }),
    record({ receivedOn: '2023-12-25', concludedOn: null, outcome: null }),
  ],
  cases: [{ label: '案件', kind: 'review', filedOn: '2023-05-01', concludedOn: null, result: null }],
  onTime: { onTime: 3, base: 3 },
  media,
  inputs: null,
  ...over,
});

describe('composeReport', () => {
  it('derives table 三/四 from the records and table 二 from content, with the default narrative quoting the figures', () => {
    const { report, figures, warnings } = composeReport(input());
    expect(report.rows.new).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(report.rows.carried_in).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.rows.total).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(report.rows.carried_out).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.section4.review).toEqual([0, 0, 0, 1, 1]);
    expect(report.section2).toMatchObject({ normative_docs: [1, 1, 1], rules: [0, 0, 0], licensing: null });
    expect(figures).toMatchObject({ 'requests.new': 3, 'requests.concluded': 3, 'cases.review': 1, 'cases.litigation': 0, 'content.documents': 2, 'content.total': 3, 'media.original': 1 });
    expect(report.narrative.section1).toContain('收到和处理政府信息公开申请3件，结转上年度办理信息公开申请1件，结转下年度继续办理1件');
    expect(report.narrative.preamble).toContain('自2023年1月1日起至2023年12月31日止');
    expect(warnings).toEqual(['表二尚未填写：行政许可、行政处罚、行政强制、行政事业性收费']);
    const checks = checkReport(report);
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'F1', 'N1'] as const) expect([id, checks[id].ok]).toEqual([id, true]);
  });

  it('staff inputs fill section 二 and override what content gives; hand-typed figures are checked by N1', () => {
    const { report } = composeReport(
      input({
        inputs: {
          section2: { ...emptySection2Inputs(), licensing: 12, punishment: 0, coercion: 0, fees_wan_yuan: 0.5, normative_docs: [2, 2, 8] },
          narrative: { ...defaultNarrative(), section1: '本年收到政府信息公开申请5件。' },
        },
      }),
    );
    expect(report.section2).toEqual({ rules: [0, 0, 0], normative_docs: [2, 2, 8], licensing: 12, punishment: 0, coercion: 0, fees_wan_yuan: 0.5 });
    expect(checkReport(report).N1.failures[0]).toMatchObject({ values: [5, 3] });
  });

  it('leaves out (and names) a record the shared derivation refuses, instead of failing the whole report', () => {
    const { report, warnings } = composeReport(input({ records: [record({}), record({ label: '申请 PW-9', receivedOn: '2023-05-01', concludedOn: '2023-04-01' })] }));
    expect(report.rows.new[6]).toBe(1);
    expect(warnings[0]).toBe('申请 PW-9 未计入报告：办结日期 2023-04-01 早于收到日期 2023-05-01');
  });
});

describe('narrative tokens', () => {
  const figures = { 'requests.new': 7, 'content.total': null } as unknown as ReportFigures;
  it('replaces figures, body and year; names unknown tokens and figures without data', () => {
    const s = substituteFigures('{{body}}{{year}}年收到申请{{ requests.new }}件，公开{{content.total}}条，{{requests.nope}}', figures, { body: '某局', year: 2023 });
    expect(s).toEqual({ text: '某局2023年收到申请7件，公开—条，{{requests.nope}}', unknown: ['{{requests.nope}}'], unavailable: ['content.total'] });
  });
});

describe('card values fit their tile', () => {
  const s = { value: 64, unit: 22, pad: 10 };
  it('keeps the design size for short numbers and shrinks long ones to the width', () => {
    expect(fitValueSize('7', s, 222)).toBe(64);
    const size = fitValueSize('125034', s, 222);
    expect(size).toBeLessThan(64);
    expect(6 * 0.6 * size + 22 * 1.1 + 6 + 20).toBeLessThanOrEqual(222);
  });
});
