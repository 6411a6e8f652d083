// Published editions of a report (models/report-snapshot.ts): publish the current draft, import
// a historical report from its text, read them back. Editions are appended, never changed:
// one conditional update on {_id, version} per append, serialised per body-year in-process.
import { legalDateOf, readReport, ReportReadError, type AnnualReport } from '@zwgk/shared';
import { AppError, badRequest, conflict } from '../errors';
import { KeyedMutex } from '../lib/keyed-mutex';
import { editionHash, fromStored, toStored, type ReportEditionData } from './edition';
import { figuresOf } from './figures';
import { reportKey } from './models/report-input';
import { ReportSnapshot, type EditionKind, type ReportEdition as StoredEdition, type ReportSnapshotDoc } from './models/report-snapshot';
import { isDuplicateKeyError } from '../db/duplicate';

/** An edition with its data in the domain form (models keep the storage form). */
export interface ReportEdition extends Omit<StoredEdition, 'data'> {
  data: ReportEditionData;
}
export interface Snapshot extends Omit<ReportSnapshotDoc, 'editions'> {
  editions: ReportEdition[];
}

const load = (doc: ReportSnapshotDoc): Snapshot => ({ ...doc, editions: doc.editions.map((e) => ({ ...e, data: fromStored(e.data) })) });
const store = (e: ReportEdition): StoredEdition => ({ ...e, data: toStored(e.data) });

const mutex = new KeyedMutex();

export async function getSnapshot(bodyId: string, year: number): Promise<Snapshot | null> {
  const doc = await ReportSnapshot.findById(reportKey(bodyId, year)).lean<ReportSnapshotDoc>();
  return doc ? load(doc) : null;
}

// ---- in-process memo ------------------------------------------------------------------------
// Cards, formats and the share page resolve a published edition on every request; reading the
// snapshot document (every edition with its report) each time made a cached card cost a
// database read. Editions are append-only, so:
//   - edition n, once seen, never changes: served from memory for good;
//   - "the latest edition" may gain a correction from another instance: memory is trusted for
//     CURRENT_TTL_MS, then read again (a local publish/import refreshes it at once).
// Bounded (LRU by insertion) so a crawler walking every body and year cannot grow it.

export const CURRENT_TTL_MS = 5_000;
const MEMO_MAX = 500;
const memo = new Map<string, { snapshot: Snapshot | null; at: number }>();

function remember(key: string, snapshot: Snapshot | null, at = Date.now()): void {
  memo.delete(key);
  memo.set(key, { snapshot, at });
  if (memo.size > MEMO_MAX) memo.delete(memo.keys().next().value!);
}

/**
 * The snapshot for resolving `selector` — edition `n` or the latest — from memory when that is
 * safe (see above), else from the database.
 */
export async function snapshotFor(bodyId: string, year: number, selector: 'current' | number, now = Date.now()): Promise<Snapshot | null> {
  const key = reportKey(bodyId, year);
  const hit = memo.get(key);
  if (hit) {
    if (typeof selector === 'number' && hit.snapshot && hit.snapshot.editions.length >= selector) return hit.snapshot;
    if (selector === 'current' && now - hit.at < CURRENT_TTL_MS) return hit.snapshot;
  }
  const snapshot = await getSnapshot(bodyId, year);
  remember(key, snapshot, now);
  return snapshot;
}

/** Forget the memo (tests). */
export function forgetSnapshots(): void {
  memo.clear();
}

export async function getSnapshots(bodyIds: string[], years: number[]): Promise<Map<string, Snapshot>> {
  const ids = bodyIds.flatMap((b) => years.map((y) => reportKey(b, y)));
  const docs = ids.length ? await ReportSnapshot.find({ _id: { $in: ids } }).lean<ReportSnapshotDoc[]>() : [];
  return new Map(docs.map((d) => [d._id, load(d)]));
}

export function latestEdition(doc: Snapshot | null): ReportEdition | null {
  return doc?.editions[doc.editions.length - 1] ?? null;
}

/** 'published' or 'imported': how the year's report first came to be; null while a draft. */
export function snapshotStatus(doc: Snapshot | null): 'published' | 'imported' | null {
  const first = doc?.editions[0];
  if (!first) return null;
  return first.kind === 'imported' ? 'imported' : 'published';
}

async function append(bodyId: string, year: number, make: (doc: Snapshot | null) => ReportEdition | { existing: ReportEdition }): Promise<{ edition: ReportEdition; created: boolean }> {
  const key = reportKey(bodyId, year);
  return mutex.run(key, async () => {
    const doc = await getSnapshot(bodyId, year);
    const made = make(doc);
    if ('existing' in made) return { edition: made.existing, created: false };
    if (!doc) {
      try {
        await ReportSnapshot.create({ _id: key, bodyId, year, editions: [store(made)], version: 1 });
      } catch (err) {
        if (isDuplicateKeyError(err)) throw conflict('报告刚被他人发布，请刷新后重试', 'REPORT_CONFLICT');
        throw err;
      }
    } else {
      const res = await ReportSnapshot.updateOne({ _id: key, version: doc.version }, { $push: { editions: store(made) }, $set: { version: doc.version + 1 } });
      if (res.matchedCount !== 1) throw conflict('报告刚被他人发布，请刷新后重试', 'REPORT_CONFLICT');
    }
    remember(key, await getSnapshot(bodyId, year));
    return { edition: made, created: true };
  });
}

export interface PublishRequest {
  data: ReportEditionData;
  on?: string | undefined;
  note?: string | undefined;
  by: string;
  now: Date;
}

/** Freezes `data` as the next edition: the first is the publication, later ones corrections. */
export async function publishEdition(bodyId: string, year: number, req: PublishRequest): Promise<{ edition: ReportEdition; created: boolean }> {
  const on = req.on ?? legalDateOf(req.now);
  if (on <= `${year}-12-31`) throw badRequest(`${year}年度报告应在年度结束后发布（发布日期须晚于${year}-12-31）`, 'PUBLISH_DATE_INVALID');
  const hash = editionHash(req.data);
  return append(bodyId, year, (doc) => {
    const last = latestEdition(doc);
    if (doc?.editions[0]?.kind === 'imported') {
      throw conflict('该年度报告是导入的历史报告，不能在系统中重新发布；如需更正请重新导入', 'REPORT_IMPORTED');
    }
    // Publishing what is already the latest edition is a retry, not a correction.
    if (last && last.hash === hash) return { existing: last };
    if (last && on < last.on) throw badRequest(`更正日期不能早于上一版的发布日期${last.on}`, 'PUBLISH_DATE_INVALID');
    const kind: EditionKind = last ? 'correction' : 'published';
    return { n: (doc?.editions.length ?? 0) + 1, kind, on, at: req.now, by: req.by, ...(req.note ? { note: req.note } : {}), data: req.data, hash };
  });
}

export interface ImportRequest {
  text: string;
  year?: number | undefined;
  on?: string | undefined;
  note?: string | undefined;
  bodyName: string;
  by: string;
  now: Date;
}

/** Reads a published report's text with the shared reader and keeps it as an imported edition. */
export async function importEdition(bodyId: string, req: ImportRequest): Promise<{ edition: ReportEdition; year: number; issues: string[] }> {
  let report: AnnualReport;
  let issues: string[];
  try {
    ({ report, issues } = readReport(req.text));
  } catch (err) {
    if (err instanceof ReportReadError) throw new AppError(422, 'REPORT_UNREADABLE', err.message);
    throw err;
  }
  if (report.year !== null && req.year !== undefined && report.year !== req.year) {
    throw badRequest(`报告标题中的年度是${report.year}年，与所填的${req.year}年不一致`, 'YEAR_MISMATCH');
  }
  const year = report.year ?? req.year;
  if (year === undefined || year === null) throw badRequest('报告中找不到年度，请填写 year', 'YEAR_REQUIRED');
  report.year = year;
  const notes = [...issues];
  if (report.body !== null && report.body !== req.bodyName) notes.push(`报告标题中的机关“${report.body}”与导入到的机关“${req.bodyName}”不同`);
  if (report.body === null) report.body = req.bodyName;
  const data: ReportEditionData = { report, figures: figuresOf(report, null, null), warnings: notes };
  const hash = editionHash(data);
  const { edition } = await append(bodyId, year, (doc) => {
    if (doc && doc.editions[0]?.kind !== 'imported') {
      throw conflict(`${year}年度报告已在系统中发布，不能用导入覆盖`, 'REPORT_PUBLISHED');
    }
    const last = latestEdition(doc);
    if (last && last.hash === hash) return { existing: last };
    return {
      n: (doc?.editions.length ?? 0) + 1,
      kind: 'imported',
      on: req.on ?? legalDateOf(req.now),
      at: req.now,
      by: req.by,
      ...(req.note ? { note: req.note } : {}),
      data,
      hash,
      source: { text: req.text, issues: notes },
    };
  });
  return { edition, year, issues: notes };
}
