// The sources of many body-years at once, for the county overview's cold start. Loading them
// one by one would cost every body-year a pass over the body's requests and, for media, a scan of
// each collection (FerretDB indexes only _id): for 48 bodies × 4 years that was minutes. Here the
// requests come once per body from the same per-body records as sources.ts (lookup documents by
// _id, changed requests by _id, folded once per version), reused for each year; media figures
// come from mediaCountsMany (cached ones by _id, the others from one scan of each media
// collection), the same cached figures mediaCounts gives, so a draft computed here has the same
// fingerprint as one computed alone.
import { effectiveCalendar } from '../calendar/effective';
import { groupBy } from '../lib/group-by';
import { countsKey, mediaCountsMany } from '../media/counts';
import { bodyRequestRecords } from '../requests/commands/inbox-cache';
import { Body } from '../models/body';
import type { ComposeInput } from './compose';
import { ReportInput, reportKey } from './models/report-input';
import { composeInput, loadSources, reportRow } from './sources';

export type SourceLoader = (bodyId: string, year: number) => Promise<ComposeInput>;

export async function prefetchSources(bodyIds: string[], years: number[]): Promise<SourceLoader> {
  const inBodies = { $in: bodyIds };
  const bodyYears = bodyIds.flatMap((bodyId) => years.map((year) => ({ bodyId, year })));
  const [bodies, requests, media, inputs, calendar] = await Promise.all([
    Body.find({ _id: inBodies }, { name: 1 }).lean(),
    bodyRequestRecords(bodyIds),
    mediaCountsMany(bodyYears),
    ReportInput.find({ _id: { $in: bodyYears.map((k) => reportKey(k.bodyId, k.year)) } }).lean(),
    effectiveCalendar(),
  ]);
  const names = new Map(bodies.map((b) => [b._id, b.name]));
  const requestsOf = groupBy(requests, (r) => r.record.bodyId);
  const inputsOf = new Map(inputs.map((i) => [i._id, i]));

  return async (bodyId, year) => {
    const name = names.get(bodyId);
    // A draft found fresh when the batch was planned can pass its re-check age before it is
    // served (the overview then recomputes it): read that one on its own rather than fail.
    if (name === undefined || !years.includes(year)) return loadSources(bodyId, year);
    return composeInput(name, year, (requestsOf.get(bodyId) ?? []).map(reportRow), media.get(countsKey(bodyId, year))!, inputsOf.get(reportKey(bodyId, year)) ?? null, calendar);
  };
}
