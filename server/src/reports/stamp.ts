// The freshness stamp of a body's report data (models/report-stamp.ts explains the token).
//
// Writers call touchReportData(bodyId, source) after any successful change that can move a
// figure of the body's reports: a request's events (every lifecycle change reaches the
// notifier, which reports/notifier.ts wraps) and report inputs (this module). Published
// content and new-media posts already have the same kind of stamp, the media module's feed
// stamp (media/feeds/stamp.ts, touched on publish, abolish and each recorded post), so the
// freshness token of a body's report data is the pair of both. One stamp per body rather than per
// body-year: a request received in one year and concluded in the next moves both years, and
// the carry-over (X) links every year to the one before, so "which years did this touch?" is
// not worth getting wrong; recomputing a body's other draft years is cheap (published years
// are frozen snapshots and never recomputed). The on-time rate counts working days, so the
// stamp of the administrator's calendar overrides is part of every body's token: a new 调休 day
// recomputes the drafts.
import { randomUUID } from 'node:crypto';
import { effectiveCalendarStamp } from '../calendar/effective';
import { FeedStamp, feedStamp } from '../media/feeds/stamp';
import { ReportStamp, type ReportDataSource } from './models/report-stamp';
import { upsertRacing } from '../db/duplicate';

/** Token of a body that never had a change recorded. */
export const NO_STAMP = 'none';

export async function touchReportData(bodyId: string, source: ReportDataSource): Promise<string> {
  const token = randomUUID();
  await upsertRacing(() => ReportStamp.updateOne({ _id: bodyId }, { $set: { token, changedAt: new Date(), source } }, { upsert: true }));
  return token;
}

/** The freshness token of everything a body's reports are computed from (two reads by _id, and the calendar's stamp). */
export async function readStamp(bodyId: string): Promise<string> {
  const [doc, media, calendar] = await Promise.all([ReportStamp.findById(bodyId, { token: 1 }).lean(), feedStamp(bodyId), effectiveCalendarStamp()]);
  return `${doc?.token ?? NO_STAMP}|${media}|${calendar}`;
}

/** Freshness tokens of many bodies at once (two $in reads by _id). */
export async function readStamps(bodyIds: string[]): Promise<Map<string, string>> {
  if (bodyIds.length === 0) return new Map();
  const [reports, feeds, calendar] = await Promise.all([ReportStamp.find({ _id: { $in: bodyIds } }, { token: 1 }).lean(), FeedStamp.find({ _id: { $in: bodyIds } }).lean(), effectiveCalendarStamp()]);
  const r = new Map(reports.map((d) => [d._id, d.token]));
  const f = new Map(feeds.map((d) => [d._id, d.stamp]));
  return new Map(bodyIds.map((id) => [id, `${r.get(id) ?? NO_STAMP}|${f.get(id) ?? 'none'}|${calendar}`]));
}
