// Table 三 and section 四 as a count of request records (annual-report.md, "How the rows
// derive from request records"). Each record lands in exactly one column and, per
// question asked of it, in exactly one row, so R1–R3 hold by construction:
//   R2: the 总计 column is the sum of the applicant columns because every count is added
//       to its applicant column and to 总计 at the same time;
//   R3: a request concluded in Y adds 1 to exactly one outcome row and to 总计;
//   R1: a request received by 31 Dec Y and not concluded before 1 Jan Y is either
//       new or carried in (receipt date decides), and either concluded in Y or carried
//       out (conclusion date decides) — both sides count the same set.

import { applicantTypeKeys, type ApplicantType } from '../applicants';
import { isOutcomeKey, type OutcomeKey } from '../outcomes';
import { emptySection4, zeroRows, type Section4, type Section4Block, type StandardRowKey, type Table3Rows } from './model';

export interface RequestRecord {
  applicantType: ApplicantType;
  /** 收到申请之日 (条例 Art. 31); null while the request is not yet received (not counted). */
  receivedOn: string | null;
  /** The day the request was concluded (reply issued); null while it is still open. */
  concludedOn: string | null;
  /** Required once concluded; ignored while concludedOn is null. */
  outcome: OutcomeKey | null;
}

export class InvalidRecordError extends Error {
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`第${index + 1}条记录无效：${reason}`);
    this.name = 'InvalidRecordError';
  }
}

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkRecord(r: RequestRecord, i: number): void {
  if (!applicantTypeKeys.includes(r.applicantType)) throw new InvalidRecordError(i, `未知的申请人类型 ${String(r.applicantType)}`);
  for (const [name, d] of [['receivedOn', r.receivedOn], ['concludedOn', r.concludedOn]] as const) {
    if (d !== null && !datePattern.test(d)) throw new InvalidRecordError(i, `${name} 不是 YYYY-MM-DD 日期：${d}`);
  }
  if (r.concludedOn !== null) {
    if (r.receivedOn === null) throw new InvalidRecordError(i, '未收到的申请不能有办结日期');
    if (r.concludedOn < r.receivedOn) throw new InvalidRecordError(i, `办结日期 ${r.concludedOn} 早于收到日期 ${r.receivedOn}`);
    if (!isOutcomeKey(r.outcome)) throw new InvalidRecordError(i, '已办结的申请必须有办理结果');
  }
}

/** Table 三 of `year` for one body's request records. Throws InvalidRecordError on an inconsistent record. */
export function deriveTable3(records: ReadonlyArray<RequestRecord>, year: number): Table3Rows {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const rows = zeroRows();
  const add = (row: StandardRowKey, type: ApplicantType) => {
    const cells = rows[row];
    cells[applicantTypeKeys.indexOf(type)]! += 1;
    cells[applicantTypeKeys.length]! += 1;
  };
  records.forEach((r, i) => {
    checkRecord(r, i);
    if (r.receivedOn === null || r.receivedOn > last) return; // not (yet) received in or before Y
    if (r.concludedOn !== null && r.concludedOn < first) return; // finished before Y
    add(r.receivedOn >= first ? 'new' : 'carried_in', r.applicantType);
    if (r.concludedOn !== null && r.concludedOn <= last) {
      add(r.outcome!, r.applicantType);
      add('total', r.applicantType);
    } else {
      add('carried_out', r.applicantType);
    }
  });
  return rows;
}

// ---- Section 四 ---------------------------------------------------------------------------

export type CaseResult = 'upheld' | 'corrected' | 'other';

/** One reconsideration or lawsuit about a disclosure decision of the body. */
export interface CaseRecord {
  kind: Section4Block;
  /** The day the case was brought (application for review accepted / suit filed). */
  filedOn: string;
  /** The day the decision or judgment was made; null while pending. */
  concludedOn: string | null;
  /** Result once concluded: 维持 (upheld), 纠正 (corrected: revoked, changed, ordered to act, declared unlawful) or other (e.g. withdrawn, dismissed). */
  result: CaseResult | null;
}

const resultColumn: Record<CaseResult, number> = { upheld: 0, corrected: 1, other: 2 };

/**
 * Section 四 of `year`, counted like table 三: a case concluded in Y counts under its result;
 * a case brought by 31 Dec Y and not concluded by then counts as 尚未审结. Cases concluded
 * before Y are not counted. Without a year every case given counts, pending or by result.
 * Throws InvalidRecordError on an inconsistent record.
 */
export function deriveSection4(cases: ReadonlyArray<CaseRecord>, year?: number): Section4 {
  const first = year === undefined ? '0000-01-01' : `${String(year).padStart(4, '0')}-01-01`;
  const last = year === undefined ? '9999-12-31' : `${String(year).padStart(4, '0')}-12-31`;
  const section = emptySection4();
  for (const block of Object.keys(section) as Section4Block[]) section[block] = [0, 0, 0, 0, 0];
  cases.forEach((c, i) => {
    if (!(c.kind in section)) throw new InvalidRecordError(i, `未知的案件类型 ${String(c.kind)}`);
    if (!datePattern.test(c.filedOn)) throw new InvalidRecordError(i, `filedOn 不是 YYYY-MM-DD 日期：${c.filedOn}`);
    if (c.concludedOn !== null) {
      if (!datePattern.test(c.concludedOn)) throw new InvalidRecordError(i, `concludedOn 不是 YYYY-MM-DD 日期：${c.concludedOn}`);
      if (c.concludedOn < c.filedOn) throw new InvalidRecordError(i, '审结日期早于立案日期');
      if (c.result === null || !(c.result in resultColumn)) throw new InvalidRecordError(i, '已审结的案件必须有结果');
    }
    if (c.filedOn > last) return;
    if (c.concludedOn !== null && c.concludedOn < first) return;
    const cells = section[c.kind];
    const column = c.concludedOn !== null && c.concludedOn <= last ? resultColumn[c.result!] : 3;
    cells[column]! += 1;
    cells[4]! += 1;
  });
  return section;
}
