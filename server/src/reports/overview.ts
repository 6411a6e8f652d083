// The county overview: every body of a county × the chosen years in one table — how each
// year's report stands (draft / published / imported), its key figures, and every broken rule
// (R1–R6, F1, N1, and X against the year before), so the county office sees which unit's
// report is wrong before it is published.
//
// Published and imported years are read from their snapshots (one $in read by _id); drafts come
// from the draft cache (recomputed only for bodies whose data changed), a few at a time.
import type { Failure } from '@zwgk/shared';
import type { StaffActor } from '../auth/actor';
import { staffCanSeeBody } from '../auth/middleware';
import { Body, type BodyKind } from '../models/body';
import { draftFrom, isFresh, readCacheEntries, type DraftOptions } from './draft';
import type { ReportEditionData } from './edition';
import { getSnapshots, latestEdition, snapshotStatus } from './editions';
import { reportKey } from './models/report-input';
import { prefetchSources } from './sources-batch';
import { readStamps } from './stamp';
import type { EditionKind } from './models/report-snapshot';
import { checked, type ReportStatus } from './view';

export interface OverviewCell {
  year: number;
  status: ReportStatus;
  /** The latest edition of a published/imported report. */
  edition: { n: number; kind: EditionKind; on: string } | null;
  figures: { new: number | null; carried_in: number | null; total: number | null; carried_out: number | null; review: number | null; litigation: number | null };
  ok: boolean;
  failures: Failure[];
  /** Rules that could not be checked (e.g. X without last year). */
  unchecked: string[];
  warnings: string[];
}

export interface OverviewRow {
  bodyId: string;
  name: string;
  kind: BodyKind;
  years: OverviewCell[];
}

export interface CountyOverview {
  county: string;
  countyName: string | null;
  years: number[];
  rows: OverviewRow[];
  /** Cells with at least one broken rule. */
  problems: number;
}

const KIND_ORDER: Record<BodyKind, number> = { government: 0, department: 1, township: 2 };

async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function countyOverview(county: string, years: number[], actor: StaffActor, options: DraftOptions = {}): Promise<CountyOverview> {
  const bodies = (await Body.find({ county }, { name: 1, county: 1, countyName: 1, kind: 1 }).lean())
    .filter((b) => staffCanSeeBody(actor, { id: b._id, county: b.county }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-CN'));
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const withPrevious = [...new Set([...sorted.map((y) => y - 1), ...sorted])];
  const snapshots = await getSnapshots(
    bodies.map((b) => b._id),
    withPrevious,
  );

  // Data of every body-year needed: snapshot if any, else the draft (also for the year before
  // a draft year, for X).
  const needed: Array<{ bodyId: string; year: number; draftOk: boolean }> = [];
  for (const b of bodies) {
    for (const y of sorted) {
      needed.push({ bodyId: b._id, year: y, draftOk: true });
      if (!sorted.includes(y - 1)) needed.push({ bodyId: b._id, year: y - 1, draftOk: !snapshots.has(reportKey(b._id, y)) });
    }
  }
  const drafts = needed.filter(({ bodyId, year, draftOk }) => draftOk && !latestEdition(snapshots.get(reportKey(bodyId, year)) ?? null));
  const [stamps, cache] = await Promise.all([readStamps(bodies.map((b) => b._id)), readCacheEntries(drafts.map((d) => reportKey(d.bodyId, d.year)))]);
  const now = new Date();
  const stale = drafts.filter((d) => !isFresh(cache.get(reportKey(d.bodyId, d.year)) ?? null, stamps.get(d.bodyId)!, now, options.maxAgeMs));
  // Several stale drafts (a cold cache, a first look at the county, or one body's year and the
  // year before): read each collection once for all of them, instead of once per body-year.
  // Media figures come from their own cache, so a body whose media did not change costs no scan.
  const load =
    options.load ??
    (stale.length > 1
      ? await prefetchSources(
          [...new Set(stale.map((d) => d.bodyId))],
          [...new Set(stale.map((d) => d.year))],
        )
      : undefined);

  const data = new Map<string, { data: ReportEditionData; fromSnapshot: boolean } | null>();
  await pool(needed, 3, async ({ bodyId, year, draftOk }) => {
    const key = reportKey(bodyId, year);
    const edition = latestEdition(snapshots.get(key) ?? null);
    if (edition) data.set(key, { data: edition.data, fromSnapshot: true });
    else if (draftOk) data.set(key, { data: (await draftFrom(bodyId, year, stamps.get(bodyId)!, cache.get(key) ?? null, { ...options, ...(load ? { load } : {}) })).data, fromSnapshot: false });
    else data.set(key, null);
  });

  let problems = 0;
  const rows: OverviewRow[] = bodies.map((b) => ({
    bodyId: b._id,
    name: b.name,
    kind: b.kind,
    years: sorted.map((year): OverviewCell => {
      const key = reportKey(b._id, year);
      const snapshot = snapshots.get(key) ?? null;
      const own = data.get(key)!;
      const before = data.get(reportKey(b._id, year - 1)) ?? null;
      // X: a published report is compared with last year's published one only; a draft with
      // last year's published report, or last year's draft (same records).
      const previous = before && (before.fromSnapshot || !own!.fromSnapshot) ? before.data.report : undefined;
      const result = checked(own!.data.report, previous);
      const r = own!.data.report;
      const last = latestEdition(snapshot);
      const cell: OverviewCell = {
        year,
        status: snapshotStatus(snapshot) ?? 'draft',
        edition: last ? { n: last.n, kind: last.kind, on: last.on } : null,
        figures: {
          new: r.rows.new[6] ?? null,
          carried_in: r.rows.carried_in[6] ?? null,
          total: r.rows.total[6] ?? null,
          carried_out: r.rows.carried_out[6] ?? null,
          review: r.section4.review[4] ?? null,
          litigation: r.section4.litigation_direct[4] === null || r.section4.litigation_after_review[4] === null ? null : (r.section4.litigation_direct[4] ?? 0) + (r.section4.litigation_after_review[4] ?? 0),
        },
        ok: result.ok,
        failures: result.failures,
        unchecked: Object.entries(result.checks)
          .filter(([, v]) => v.ok === null)
          .map(([id, v]) => `${id}：${v.skipped ?? ''}`),
        warnings: own!.data.warnings,
      };
      if (!cell.ok) problems++;
      return cell;
    }),
  }));
  return { county, countyName: bodies[0]?.countyName ?? null, years: sorted, rows, problems };
}
