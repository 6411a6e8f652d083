// Everything a presenter needs besides the request documents: calendar, today, body names and
// review settings, staff names (for the staff thread). Read in bulk, by `_id`.
import { Staff } from '../../models/staff';
import type { RequestRecord } from '../models/request';
import type { ViewContext } from '../presenters';
import { bodyNames, getBody } from './bodies';
import { today, type RequestsDeps } from './deps';

/** Up to this many staff names are read one by one by `_id`; more with one query. */
const STAFF_READS_BY_ID = 24;

export async function viewContext(deps: RequestsDeps, records: RequestRecord[], options: { staffNames?: boolean } = {}): Promise<ViewContext> {
  const bodyIds = new Set(records.map((r) => r.bodyId));
  const names = await bodyNames(bodyIds);
  const review = new Map<string, boolean>();
  for (const id of bodyIds) review.set(id, (await getBody(id))?.requiresReview ?? true);
  const ctx: ViewContext = { calendar: await deps.calendar(), today: today(deps), bodyNames: names, requiresReview: (id) => review.get(id) ?? true };
  if (options.staffNames) {
    const ids = new Set<string>();
    for (const r of records) {
      for (const e of r.events) if (e.actor.role !== 'citizen' && e.actor.role !== 'system') ids.add(e.actor.id);
      if (r.assignedTo) ids.add(r.assignedTo);
    }
    // A page names a handful: one read by `_id` each — FerretDB does not push `$in` down to its
    // index, so `find({_id: {$in}})` decodes every staff document (≈ 25 ms at 500 staff). Many
    // (supervision over every request): that one scan is cheaper than hundreds of reads.
    const list = [...ids];
    const staff =
      list.length <= STAFF_READS_BY_ID
        ? (await Promise.all(list.map((id) => Staff.findById(id, { name: 1 }).lean()))).filter((s) => s !== null)
        : await Staff.find({ _id: { $in: list } }, { name: 1 }).lean();
    ctx.staffNames = new Map(staff.map((s) => [s._id, s.name]));
  }
  return ctx;
}
