// The staff inbox (issue 4 §4): requests of my body (a county-wide admin: of the county), filtered
// and sorted by legal deadline, with counts for the tabs. The deadline of each request depends on
// today, so it is computed here from the events (shared clockOf), not read from a stale cache.
// The records come from inbox-cache.ts: the body's lookup document by `_id`, then only the
// requests that changed since this process last looked (a filter on `bodyId` would make the
// embedded FerretDB decode every stored request on every call — 4.4 s at 10,000).
import { DUE_SOON_WORKING_DAYS, isConcluded, type Channel, type LegalClock, type Phase, type RequestState } from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import { Body } from '../../models/body';
import { LIST_PROJECTION, RequestModel, type RequestRecord } from '../models/request';
import { getBody } from './bodies';
import type { RequestsDeps } from './deps';
import { inboxRecords } from './inbox-cache';
import { citizenRequestIds } from '../../storage/citizen-index';
import { today } from './deps';

export interface InboxFilters {
  states?: Phase[];
  assignedToMe?: boolean;
  dueWithin?: number;
  overdue?: boolean;
  channel?: Channel;
  bodyId?: string;
  limit: number;
  offset: number;
}

export interface InboxEntry {
  record: RequestRecord;
  state: RequestState;
  clock: LegalClock;
}

export interface InboxResult {
  entries: InboxEntry[];
  total: number;
  counts: { byPhase: Partial<Record<Phase, number>>; open: number; overdue: number; dueSoon: number; assignedToMe: number };
}

const time = (d: Date | string | null) => (d ? new Date(d).getTime() : 0);

/** Open requests by due date (earliest first; those without one — awaiting confirmation or correction — next), then concluded ones, newest first. */
function compare(a: InboxEntry, b: InboxEntry): number {
  const ca = isConcluded(a.state.phase);
  const cb = isConcluded(b.state.phase);
  if (ca !== cb) return ca ? 1 : -1;
  if (ca) return (b.state.concludedOn ?? '').localeCompare(a.state.concludedOn ?? '') || time(b.record.lastActivityAt) - time(a.record.lastActivityAt);
  const da = a.clock.dueOn;
  const db = b.clock.dueOn;
  if (da && db && da !== db) return da < db ? -1 : 1;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return time(b.record.lastActivityAt) - time(a.record.lastActivityAt);
}

/** The bodies whose requests the actor's inbox lists: their own, or (county-wide admin) the county's, or one of them. */
async function inboxBodies(actor: StaffActor, f: InboxFilters): Promise<string[]> {
  if (!(actor.countyWide && actor.role === 'admin')) return [actor.bodyId];
  if (f.bodyId) return (await getBody(f.bodyId))?.county === actor.county ? [f.bodyId] : [];
  // The bodies collection is small (a county's few dozen), so this filter costs little even as a scan.
  return (await Body.find({ county: actor.county }, { _id: 1 }).lean<Array<{ _id: string }>>()).map((b) => b._id);
}

export async function staffInbox(deps: RequestsDeps, actor: StaffActor, f: InboxFilters): Promise<InboxResult> {
  const countyWide = actor.countyWide && actor.role === 'admin';
  const calendar = await deps.calendar();
  const day = today(deps);
  const all: InboxEntry[] = (await inboxRecords(await inboxBodies(actor, f), calendar, day)).filter((e) =>
    countyWide ? e.record.county === actor.county : e.record.bodyId === actor.bodyId,
  );

  const mine = (e: InboxEntry) => e.state.assignee?.id === actor.staffId;
  const counts: InboxResult['counts'] = { byPhase: {}, open: 0, overdue: 0, dueSoon: 0, assignedToMe: 0 };
  for (const e of all) {
    counts.byPhase[e.state.phase] = (counts.byPhase[e.state.phase] ?? 0) + 1;
    if (isConcluded(e.state.phase)) continue;
    counts.open += 1;
    if (e.clock.overdue) counts.overdue += 1;
    else if (e.clock.workingDaysLeft !== null && e.clock.workingDaysLeft <= DUE_SOON_WORKING_DAYS) counts.dueSoon += 1;
    if (mine(e)) counts.assignedToMe += 1;
  }

  const matching = all.filter(
    (e) =>
      (!f.states || f.states.includes(e.state.phase)) &&
      (!f.assignedToMe || mine(e)) &&
      (!f.overdue || e.clock.overdue) &&
      (f.dueWithin === undefined || (e.clock.workingDaysLeft !== null && e.clock.workingDaysLeft <= f.dueWithin)) &&
      (!f.channel || e.record.channel === f.channel),
  );
  matching.sort(compare);
  return { entries: matching.slice(f.offset, f.offset + f.limit), total: matching.length, counts };
}

/**
 * The citizen's own requests, newest activity first: the ids from the citizen's list document, each
 * read by `_id` (a filter on citizenId would scan every request on the embedded database).
 */
export async function citizenRequests(citizenId: string): Promise<RequestRecord[]> {
  const ids = await citizenRequestIds(citizenId);
  const found = await Promise.all(ids.map((id) => RequestModel.findById(id, LIST_PROJECTION).lean<RequestRecord>()));
  const records = found.filter((r): r is RequestRecord => r !== null && r.citizenId === citizenId);
  return records.sort((a, b) => time(b.lastActivityAt) - time(a.lastActivityAt));
}
