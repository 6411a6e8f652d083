// What a report edition holds — the same shape for a draft computed from the data, a
// published snapshot and an imported historical report: the report (tables + narrative),
// the figures it quotes or shows on cards, and what the computation noticed.
import { createHash } from 'node:crypto';
import type { AnnualReport } from '@zwgk/shared';
import type { ReportFigures } from './figures';

export interface ReportEditionData {
  report: AnnualReport;
  figures: ReportFigures;
  /** Chinese notes for staff (unknown narrative tokens, records skipped, inputs missing). */
  warnings: string[];
}

/** Stable JSON: object keys sorted, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The identity of an edition's content (ETags and card cache keys derive from it). */
export function editionHash(data: ReportEditionData): string {
  return sha256(canonicalJson(data));
}

// ---- storage form ----------------------------------------------------------------------------
// Figure keys contain dots ('requests.new'), which MongoDB/FerretDB refuse as field names, so
// stored editions keep the figures as a list of {key, value}.

export interface StoredEditionData extends Omit<ReportEditionData, 'figures'> {
  figures: Array<{ key: string; value: number | null }>;
}

export function toStored(data: ReportEditionData): StoredEditionData {
  return { ...data, figures: Object.entries(data.figures).map(([key, value]) => ({ key, value })) };
}

export function fromStored(stored: StoredEditionData): ReportEditionData {
  return { ...stored, figures: Object.fromEntries(stored.figures.map((f) => [f.key, f.value])) as ReportFigures };
}
