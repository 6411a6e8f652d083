// Loads what composeReport needs for one body and year. Each request's history is replayed
// with the shared lifecycle (fold → reportFacts): the cached fields on the request document
// are for lists, the events are the truth (requests/models/request.ts). Cases of 复议/诉讼 live in the
// same events. Content figures come from the new-media module's mediaCounts.
//
// The body's requests come from the records the staff inbox keeps (requests/commands/
// inbox-cache.ts): the body's lookup document by _id, then by _id only the requests that changed
// since this process last read them, each folded once per version — not a filter on bodyId,
// which the embedded FerretDB answers by decoding every stored request (≈ 9 s for a body of
// 2,047 among 10,000: docs/PERFORMANCE.md). What the report reads of a request — number,
// applicant type, events, and the cached receipt/conclusion/outcome as the fallback for a history
// that cannot be replayed — is all in those list records. So a request counts here once a writer
// announced it (every writer does, before writing; data stored without announcements is indexed
// by one scan the first time), as in the inbox.
//
// Cost: the lookup document by _id, the changed requests by _id, mediaCounts (cached behind the
// media stamp; scans when the body's content changed), two reads by _id. Called only when the
// cached draft is stale (reports/draft.ts), which reads the stamp before this reads the data.
import { clockOf, legalDateOf, reportFacts, type ApplicantType, type Calendar, type OutcomeKey, type RequestState } from '@zwgk/shared';
import { effectiveCalendar } from '../calendar/effective';
import { bodyRequestRecords, type BodyRequestRecord } from '../requests/commands/inbox-cache';
import { mediaCounts, type MediaCounts } from '../media/counts';
import { Body } from '../models/body';
import { notFound } from '../errors';
import type { ComposeInput, LabelledCase, LabelledRecord } from './compose';
import { ReportInput, reportKey, type ReportInputDoc } from './models/report-input';

/** What the report reads of one request. */
export interface RequestRow {
  number: string;
  applicantType: ApplicantType;
  /** fold(events); null when the history cannot be replayed (`foldError` says why). */
  state: RequestState | null;
  foldError: string | null;
  /** Cached on the request document; used only when the history cannot be replayed. */
  receivedOn: string | null;
  concludedOn: string | null;
  outcome: OutcomeKey | null;
}

export function reportRow({ record, state, foldError }: BodyRequestRecord): RequestRow {
  const { number, applicantType, receivedOn, concludedOn, outcome } = record;
  return { number, applicantType, state, foldError, receivedOn, concludedOn, outcome };
}

export async function bodyName(bodyId: string): Promise<string> {
  const body = await Body.findById(bodyId, { name: 1 }).lean();
  if (!body) throw notFound('未找到该机关', 'BODY_NOT_FOUND');
  return body.name;
}

export interface RequestFacts {
  records: LabelledRecord[];
  cases: LabelledCase[];
  onTime: { onTime: number; base: number };
  warnings: string[];
}

/** Report facts of every request of the body (all years: carry-over needs earlier receipts). */
export function requestFacts(rows: RequestRow[], year: number, calendar: Calendar): RequestFacts {
  const records: LabelledRecord[] = [];
  const cases: LabelledCase[] = [];
  const warnings: string[] = [];
  let onTime = 0;
  let base = 0;
  const today = legalDateOf(new Date());
  for (const row of [...rows].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))) {
    let facts: ReturnType<typeof reportFacts>;
    let state: RequestState | null = row.state;
    try {
      if (!state) throw new Error(row.foldError ?? '无法回放');
      facts = reportFacts(state);
    } catch (err) {
      // A history that cannot be replayed is corrupt; the cached fields are the best we have.
      state = null;
      warnings.push(`申请 ${row.number} 的办理记录无法回放（${(err as Error).message}），按登记的日期和结果统计`);
      facts = { receivedOn: row.receivedOn, concludedOn: row.concludedOn, outcome: row.outcome, cases: [] };
    }
    records.push({ label: `申请 ${row.number}`, applicantType: row.applicantType, receivedOn: facts.receivedOn, concludedOn: facts.concludedOn, outcome: facts.outcome });
    facts.cases.forEach((c, i) => cases.push({ ...c, label: `申请 ${row.number} 的第${i + 1}件复议诉讼案件` }));
    if (state && facts.concludedOn?.startsWith(`${year}-`)) {
      // Working days by the server's calendar (with the administrator's 调休 overrides), as the inbox counts them.
      const clock = clockOf(state, calendar, today);
      if (clock.onTime !== null) {
        base += 1;
        if (clock.onTime) onTime += 1;
      }
    }
  }
  return { records, cases, onTime: { onTime, base }, warnings };
}

export async function loadSources(bodyId: string, year: number): Promise<ComposeInput> {
  const [name, rows, media, inputs, calendar] = await Promise.all([
    bodyName(bodyId),
    bodyRequestRecords([bodyId]),
    mediaCounts(bodyId, year),
    ReportInput.findById(reportKey(bodyId, year)).lean(),
    effectiveCalendar(),
  ]);
  return composeInput(name, year, rows.map(reportRow), media, inputs, calendar);
}

/** What composeReport is given for a body-year, from what was read for it (alone or with other bodies: sources-batch.ts). */
export function composeInput(bodyName: string, year: number, rows: RequestRow[], media: MediaCounts, inputs: Pick<ReportInputDoc, 'section2' | 'narrative'> | null, calendar: Calendar): ComposeInput {
  const facts = requestFacts(rows, year, calendar);
  return {
    bodyName,
    year,
    records: facts.records,
    cases: facts.cases,
    onTime: facts.onTime.base > 0 ? facts.onTime : null,
    media,
    inputs: inputs ? { section2: inputs.section2, narrative: inputs.narrative } : null,
    loadWarnings: facts.warnings,
  };
}
