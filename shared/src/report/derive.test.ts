import fc from 'fast-check';
import { applicantTypeKeys, type ApplicantType } from '../applicants';
import { outcomeKeys, type OutcomeKey } from '../outcomes';
import { checkReport } from './check';
import { deriveSection4, deriveTable3, InvalidRecordError, type CaseRecord, type RequestRecord } from './derive';
import { emptyReport, standardRowKeys, table3Columns, type Table3Rows } from './model';

const day = (offset: number) => new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const span = 366 * 4; // 2021-01-01 … 2024-12-31

/** Any valid request record between 2021 and 2024: received or not, concluded or still open. */
const record: fc.Arbitrary<RequestRecord> = fc
  .record({
    applicantType: fc.constantFrom(...applicantTypeKeys),
    received: fc.option(fc.integer({ min: 0, max: span - 1 }), { nil: null }),
    duration: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    outcome: fc.constantFrom(...outcomeKeys),
  })
  .map(({ applicantType, received, duration, outcome }) => ({
    applicantType,
    receivedOn: received === null ? null : day(received),
    concludedOn: received === null || duration === null ? null : day(received + duration),
    outcome: received === null || duration === null ? null : outcome,
  }));

const reportOf = (rows: Table3Rows) => ({ ...emptyReport(), rows });

describe('deriveTable3', () => {
  it('reproduces the seed table from its seven requests', () => {
    const seven: RequestRecord[] = (
      [
        ['partial', '2023-02-10', '2023-03-01'],
        ['partial', '2023-05-04', '2023-05-30'],
        ['deny_third_party', '2023-06-12', '2023-07-20'],
        ['unable_not_held', '2023-03-15', '2023-04-07'],
        ['unable_not_held', '2023-08-01', '2023-08-22'],
        ['unable_not_held', '2023-10-09', '2023-11-01'],
        ['unable_need_create', '2023-11-20', '2023-12-15'],
      ] as const
    ).map(([outcome, receivedOn, concludedOn]) => ({ applicantType: 'natural_person', receivedOn, concludedOn, outcome }));
    const rows = deriveTable3(seven, 2023);
    const expected = Object.fromEntries(standardRowKeys.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]]));
    expected.new = [7, 0, 0, 0, 0, 0, 7];
    expected.partial = [2, 0, 0, 0, 0, 0, 2];
    expected.deny_third_party = [1, 0, 0, 0, 0, 0, 1];
    expected.unable_not_held = [3, 0, 0, 0, 0, 0, 3];
    expected.unable_need_create = [1, 0, 0, 0, 0, 0, 1];
    expected.total = [7, 0, 0, 0, 0, 0, 7];
    expect(rows).toEqual(expected);
  });

  it('counts by receipt date, conclusion date and carry-over across the year boundary', () => {
    const r = (applicantType: ApplicantType, receivedOn: string | null, concludedOn: string | null, outcome: OutcomeKey | null = null) => ({
      applicantType,
      receivedOn,
      concludedOn,
      outcome: concludedOn ? (outcome ?? 'open') : outcome,
    });
    const rows = deriveTable3(
      [
        r('business', '2022-12-20', '2023-01-10', 'deny_process'), // carried in, concluded in Y
        r('business', '2022-12-30', null), // carried in, still open → carried out
        r('natural_person', '2022-11-01', '2022-12-31'), // concluded before Y: not counted
        r('research', '2023-12-31', null), // received on the last day: new and carried out
        r('legal_service', '2023-12-31', '2024-01-02'), // concluded after Y: carried out
        r('other_org', '2024-01-01', '2024-01-05'), // received after Y: not counted
        r('natural_person', null, null), // submitted, not yet received: not counted
        r('public_welfare', '2023-01-01', '2023-12-31', 'noproc_repeat'), // both ends inclusive
      ],
      2023,
    );
    expect(rows.new).toEqual([0, 0, 1, 1, 1, 0, 3]);
    expect(rows.carried_in).toEqual([0, 2, 0, 0, 0, 0, 2]);
    expect(rows.deny_process).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(rows.noproc_repeat).toEqual([0, 0, 0, 1, 0, 0, 1]);
    expect(rows.total).toEqual([0, 1, 0, 1, 0, 0, 2]);
    expect(rows.carried_out).toEqual([0, 1, 1, 0, 1, 0, 3]);
  });

  it('refuses inconsistent records, naming the record', () => {
    const ok = { applicantType: 'natural_person' as const, receivedOn: '2023-01-05', concludedOn: '2023-01-20', outcome: 'open' as const };
    expect(() => deriveTable3([ok, { ...ok, outcome: null }], 2023)).toThrow(new InvalidRecordError(1, '已办结的申请必须有办理结果'));
    expect(() => deriveTable3([{ ...ok, concludedOn: '2023-01-01' }], 2023)).toThrow(/早于收到日期/);
    expect(() => deriveTable3([{ ...ok, receivedOn: null }], 2023)).toThrow(/未收到的申请不能有办结日期/);
    expect(() => deriveTable3([{ ...ok, receivedOn: '2023-1-5' }], 2023)).toThrow(/不是 YYYY-MM-DD/);
    expect(() => deriveTable3([{ ...ok, applicantType: 'company' as ApplicantType }], 2023)).toThrow(/未知的申请人类型/);
  });

  it('satisfies R1, R2 and R3 for any set of valid records (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.integer({ min: 2021, max: 2024 }), (records, year) => {
        const checks = checkReport(reportOf(deriveTable3(records, year)));
        expect([checks.R1.ok, checks.R2.ok, checks.R3.ok]).toEqual([true, true, true]);
        expect(checks.R1.failures.concat(checks.R2.failures, checks.R3.failures)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("makes each year's 上年结转 equal the previous year's 结转下年 (property, rule X)", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.integer({ min: 2022, max: 2024 }), (records, year) => {
        const previous = { ...reportOf(deriveTable3(records, year - 1)), year: year - 1 };
        const current = { ...reportOf(deriveTable3(records, year)), year };
        expect(checkReport(current, { previous }).X).toEqual({ ok: true, failures: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a record-by-record count (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.integer({ min: 2021, max: 2024 }), (records, year) => {
        const rows = deriveTable3(records, year);
        const y = String(year);
        const inYear = (d: string | null) => d !== null && d.slice(0, 4) === y;
        const before = (d: string | null) => d !== null && d.slice(0, 4) < y;
        const after = (d: string | null) => d === null || d.slice(0, 4) > y;
        table3Columns.forEach((column, c) => {
          const mine = records.filter((r) => column === 'total' || r.applicantType === column);
          expect(rows.new[c]).toBe(mine.filter((r) => inYear(r.receivedOn)).length);
          expect(rows.carried_in[c]).toBe(mine.filter((r) => before(r.receivedOn) && !before(r.concludedOn)).length);
          expect(rows.total[c]).toBe(mine.filter((r) => inYear(r.concludedOn)).length);
          expect(rows.carried_out[c]).toBe(mine.filter((r) => r.receivedOn !== null && !after(r.receivedOn) && after(r.concludedOn)).length);
          for (const key of outcomeKeys) expect(rows[key][c]).toBe(mine.filter((r) => inYear(r.concludedOn) && r.outcome === key).length);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('deriveSection4', () => {
  const c = (kind: CaseRecord['kind'], filedOn: string, concludedOn: string | null, result: CaseRecord['result'] = null): CaseRecord => ({
    kind,
    filedOn,
    concludedOn,
    result,
  });

  it('reproduces the seed table 四', () => {
    const section = deriveSection4(
      [
        c('review', '2023-03-01', '2023-05-01', 'upheld'),
        c('litigation_direct', '2023-04-10', '2023-10-10', 'corrected'),
        c('litigation_after_review', '2023-09-01', null),
      ],
      2023,
    );
    expect(section).toEqual({ review: [1, 0, 0, 0, 1], litigation_direct: [0, 1, 0, 0, 1], litigation_after_review: [0, 0, 0, 1, 1] });
  });

  it('counts results by conclusion year and pending cases at year end', () => {
    const section = deriveSection4(
      [
        c('review', '2022-11-01', '2023-02-01', 'other'), // brought last year, decided this year
        c('review', '2022-06-01', '2022-09-01', 'upheld'), // decided last year: not counted
        c('review', '2023-12-01', '2024-02-01', 'corrected'), // decided next year: pending now
        c('review', '2024-01-05', null), // brought next year: not counted
      ],
      2023,
    );
    expect(section.review).toEqual([0, 0, 1, 1, 2]);
    expect(checkReport({ ...emptyReport(), section4: section }).R4.ok).toBe(true);
  });

  it('counts every case given when no year is given', () => {
    const cases = [c('review', '2021-03-01', '2021-05-01', 'upheld'), c('review', '2023-12-01', null), c('litigation_direct', '2022-01-01', '2022-06-01', 'other')];
    expect(deriveSection4(cases)).toEqual({ review: [1, 0, 0, 1, 2], litigation_direct: [0, 0, 1, 0, 1], litigation_after_review: [0, 0, 0, 0, 0] });
  });

  it('refuses a concluded case without a result', () => {
    expect(() => deriveSection4([c('review', '2023-01-01', '2023-02-01')], 2023)).toThrow(InvalidRecordError);
  });
});
