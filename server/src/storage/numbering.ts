// 申请编号: `<body prefix>-<year>-<6-digit sequence>` (e.g. PWZF-2026-000123). The sequence comes
// from a counter document per body and year, bumped under an in-process lock; the number is then
// claimed for the request by a unique insert (citizen-index.ts), which is what makes it the
// request's own. Across instances on the embedded database two processes may draw the same value
// (FerretDB's $inc is read-modify-write), and they draw in step: the loser probes the next values
// instead of drawing again, each failed probe being a number another request really holds, so a
// burst on several instances settles instead of exhausting a retry budget (CI found that).
import { counterLocks } from '../requests/commands/locks';
import { nextCounterValue, raiseCounter } from '../models/counter';
import { claimNumber } from './citizen-index';

export function requestNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export function counterId(bodyId: string, year: number): string {
  return `request-number:${bodyId}:${year}`;
}

/** Numbers probed past a drawn one before giving up (each one failed is held by another request). */
const MAX_PROBES = 1000;

/** The next free number of `body` in `year`, claimed for `requestId`. */
export async function claimNextNumber(body: { _id: string; requestPrefix: string }, year: number, requestId: string): Promise<string> {
  const id = counterId(body._id, year);
  return counterLocks.run(id, async () => {
    const drawn = await nextCounterValue(id);
    for (let seq = drawn; seq < drawn + MAX_PROBES; seq++) {
      const number = requestNumber(body.requestPrefix, year, seq);
      if (!(await claimNumber(number, requestId))) continue;
      // Past a lost increment: the counter must not hand out the probed values again.
      if (seq !== drawn) await raiseCounter(id, seq);
      return number;
    }
    throw new Error(`no free request number in ${MAX_PROBES} values from ${requestNumber(body.requestPrefix, year, drawn)}`);
  });
}
