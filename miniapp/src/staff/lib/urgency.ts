// How urgent a request looks in the console (issue 6): overdue in red, due within
// DUE_SOON_WORKING_DAYS (3) working days in amber. The numbers come from the shared legal clock
// (the server computes them per request for today); this only maps them to a tone.
import { DUE_SOON_WORKING_DAYS, type RequestRow } from '@zwgk/shared';

export type Urgency = 'overdue' | 'due-soon' | 'paused' | 'normal' | 'none';

export function urgencyOf(row: Pick<RequestRow, 'overdue' | 'paused' | 'workingDaysLeft'>): Urgency {
  if (row.overdue) return 'overdue';
  if (row.paused) return 'paused';
  if (row.workingDaysLeft === null) return 'none';
  return row.workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'normal';
}
