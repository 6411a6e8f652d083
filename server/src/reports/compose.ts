// composeReport: the draft report of one body and year from its records — pure, so it is
// tested without a database and the cache can fingerprint exactly what went in.
//   table 三  deriveTable3(request records)          (shared/src/report/derive.ts)
//   table 四  deriveSection4(reconsideration/litigation cases recorded on the requests)
//   table 二  规章 / 行政规范性文件 from published content (mediaCounts), the rest from staff
//            input; staff may override any derived cell (e.g. documents issued before the
//            system was used)
//   narrative staff text with {{figure}} tokens replaced by the figures
import {
  deriveSection4,
  deriveTable3,
  emptyReport,
  InvalidRecordError,
  type AnnualReport,
  type CaseRecord,
  type Cell,
  type MediaCounts,
  type Narrative,
  type RequestRecord,
  type Section2,
} from '@zwgk/shared';
import type { ReportEditionData } from './edition';
import { defaultNarrative, figuresOf, substituteNarrative } from './figures';
import type { Section2Inputs } from './models/report-input';

export interface LabelledRecord extends RequestRecord {
  /** 申请编号, for warnings. */
  label: string;
}

export interface LabelledCase extends CaseRecord {
  label: string;
}

export interface ComposeInput {
  bodyName: string;
  year: number;
  records: LabelledRecord[];
  cases: LabelledCase[];
  /** Requests concluded in the year whose reply period is known, and how many were answered in it. */
  onTime: { onTime: number; base: number } | null;
  media: MediaCounts | null;
  inputs: { section2: Section2Inputs; narrative: Narrative } | null;
  /** Problems found while loading (e.g. a request whose history cannot be replayed). */
  loadWarnings?: string[];
}

export const emptySection2Inputs = (): Section2Inputs => ({ licensing: null, punishment: null, coercion: null, fees_wan_yuan: null, rules: null, normative_docs: null });

/** Derives with the shared function, leaving out (and naming) any record it refuses. */
function deriveSkipping<T extends { label: string }, R>(items: T[], derive: (items: T[]) => R, warnings: string[]): R {
  let rest = items;
  for (;;) {
    try {
      return derive(rest);
    } catch (err) {
      if (!(err instanceof InvalidRecordError) || rest[err.index] === undefined) throw err;
      warnings.push(`${rest[err.index]!.label} 未计入报告：${err.reason}`);
      rest = rest.filter((_, i) => i !== err.index);
    }
  }
}

function section2Of(media: MediaCounts | null, inputs: Section2Inputs): { section2: Section2; warnings: string[] } {
  const warnings: string[] = [];
  const fromContent = (v: { issued: number; abolished: number; inForce: number } | undefined): Cell[] => (v ? [v.issued, v.abolished, v.inForce] : [null, null, null]);
  const section2: Section2 = {
    rules: inputs.rules ?? fromContent(media?.rules),
    normative_docs: inputs.normative_docs ?? fromContent(media?.normativeDocs),
    licensing: inputs.licensing,
    punishment: inputs.punishment,
    coercion: inputs.coercion,
    fees_wan_yuan: inputs.fees_wan_yuan,
  };
  const missing = (['licensing', 'punishment', 'coercion', 'fees_wan_yuan'] as const).filter((k) => section2[k] === null);
  if (missing.length > 0) warnings.push(`表二尚未填写：${missing.map((k) => ({ licensing: '行政许可', punishment: '行政处罚', coercion: '行政强制', fees_wan_yuan: '行政事业性收费' })[k]).join('、')}`);
  return { section2, warnings };
}

export function composeReport(input: ComposeInput): ReportEditionData {
  const warnings: string[] = [...(input.loadWarnings ?? [])];
  const report: AnnualReport = emptyReport();
  report.body = input.bodyName;
  report.year = input.year;
  report.rows = deriveSkipping(input.records, (r) => deriveTable3(r, input.year), warnings);
  report.section4 = deriveSkipping(input.cases, (c) => deriveSection4(c, input.year), warnings);
  const s2 = section2Of(input.media, input.inputs?.section2 ?? emptySection2Inputs());
  report.section2 = s2.section2;
  warnings.push(...s2.warnings);

  const figures = figuresOf(report, input.media, input.onTime);
  const typed = input.inputs?.narrative ?? defaultNarrative();
  const n = substituteNarrative(typed, figures, { body: input.bodyName, year: input.year });
  report.narrative = n.narrative;
  warnings.push(...n.warnings);
  return { report, figures, warnings };
}
