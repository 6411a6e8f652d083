// The inbox's filters as a query of GET /api/staff/requests (StaffInboxQuery).
import { concludedPhases, phases, type Channel, type Phase, type StaffInboxQuery } from '@zwgk/shared';

export type Scope = 'open' | 'all' | Phase;
export type Urgent = 'none' | 'overdue' | 'dueSoon';

export interface InboxFilter {
  scope: Scope;
  urgent: Urgent;
  mine: boolean;
  channel: Channel | 'any';
}

export const defaultFilter: InboxFilter = { scope: 'open', urgent: 'none', mine: false, channel: 'any' };

/** Phases a request can be in once submitted, in lifecycle order. */
export const listedPhases: ReadonlyArray<Phase> = phases.filter((p) => p !== 'none');
export const openPhases: ReadonlyArray<Phase> = listedPhases.filter((p) => !concludedPhases.includes(p));

/** Open phases once the clock could run: everything open but 'submitted'. */
export const handlingPhases: ReadonlyArray<Phase> = openPhases.filter((p) => p !== 'submitted');

/**
 * The default view shows new online submissions first, in a group of their own: until staff
 * confirm them the 20-day clock does not run (Art. 31, 双方确认之日), so they carry no deadline to
 * sort by — and confirming promptly is the first thing to do. Below them, the open requests by
 * their legal deadline. Returns the queries of the two groups (the second null when the filter
 * already narrows to one phase or to deadlines, which new submissions do not have).
 */
export function inboxQueries(f: InboxFilter, dueSoonDays: number): { fresh: StaffInboxQuery | null; main: StaffInboxQuery } {
  const main = toQuery(f, dueSoonDays);
  if (f.scope !== 'open' || f.urgent !== 'none') return { fresh: null, main };
  return { fresh: { ...main, state: 'submitted' }, main: { ...main, state: handlingPhases.join(',') } };
}

/** The filter part of the query; limit/offset come from the paging (inbox-paging.ts). */
export function toQuery(f: InboxFilter, dueSoonDays: number): StaffInboxQuery {
  const q: StaffInboxQuery = {};
  if (f.scope === 'open') q.state = openPhases.join(',');
  else if (f.scope !== 'all') q.state = f.scope;
  if (f.urgent === 'overdue') q.overdue = 'true';
  if (f.urgent === 'dueSoon') q.dueWithin = dueSoonDays;
  if (f.mine) q.assignedToMe = 'true';
  if (f.channel !== 'any') q.channel = f.channel;
  return q;
}
