// A burst of filings by citizens whose apps retry (same Idempotency-Key per submission) until they
// get an answer, and the checks after a fault: every submission acknowledged, stored exactly once
// under the acknowledged 申请编号, and none half-written — each one readable in full by its owner,
// found by the public lookup with the 查询码 the owner was given, and announced to the office's clerk.
import { CLIENT_TIMEOUT_MS, idCheckCharacter, type FilingInput } from '@zwgk/shared';
import mongoose from 'mongoose';
import { signAccessToken } from '../../server/src/auth/accessToken';

export const BODY = 'pingwu-gov-office';
export const CLERK_ID = 'drill-clerk';

/** The body and its clerk, written straight into the database the server uses. */
export async function seedOffice(db: mongoose.mongo.Db): Promise<void> {
  const now = new Date();
  await db.collection<{ _id: string }>('bodies').updateOne(
    { _id: BODY },
    { $setOnInsert: { name: '平武县人民政府办公室', county: 'pingwu', countyName: '平武县', kind: 'government', guide: { address: '平武县龙安镇', phone: '0816-8822122', hours: '工作日' }, requiresReview: true, requestPrefix: 'PWZF', createdAt: now, updatedAt: now } },
    { upsert: true },
  );
  await db.collection<{ _id: string }>('staff').updateOne(
    { _id: CLERK_ID },
    { $setOnInsert: { username: CLERK_ID, passwordHash: 'x', name: '演练受理', role: 'clerk', bodyId: BODY, county: 'pingwu', countyWide: false, active: true, createdAt: now, updatedAt: now } },
    { upsert: true },
  );
}

function idNumber(seq: number): string {
  const first17 = `51072719850312${String(seq).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

export interface Submission {
  citizenId: string;
  key: string;
  idNumber: string;
  attempts: number;
  /** Attempts the server left unanswered past the client's timeout: when each started (ms since epoch), its x-request-id. */
  timeouts: Array<{ at: number; requestId: string }>;
  /** Answers that were neither an acknowledgement nor a connection failure (e.g. 503 while the DB is down). */
  refusals: Array<{ status: number; code: string | undefined; ms: number; answeredAt: number; requestId: string | undefined }>;
  acknowledged: null | { number: string; queryCode: string; id: string; status: number };
}

export function submissions(count: number, citizens = 8): Submission[] {
  return Array.from({ length: count }, (_, i) => ({
    citizenId: `cDrill${String(i % citizens).padStart(6, '0')}`,
    key: `drill-${i}-${Math.random().toString(36).slice(2, 10)}`,
    idNumber: idNumber(100 + i),
    attempts: 0,
    timeouts: [],
    refusals: [],
    acknowledged: null,
  }));
}

export function filingOf(s: Submission): FilingInput {
  return {
    applicant: { applicantType: 'natural_person', name: '演练申请人', idType: 'resident_id', idNumber: s.idNumber, phone: '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
    bodyId: BODY,
    description: '请提供2025年平武县城区道路改造工程的招标文件及中标结果公告',
    medium: 'paper',
    delivery: 'post',
    declaration: true,
  } as FilingInput;
}

/**
 * Files `s` until acknowledged: connection failures, timeouts and 5xx are retried with the same
 * key; any other answer is a failure of the test. `base()` gives the server's current address.
 */
export async function fileUntilAcknowledged(s: Submission, base: () => string, jwtSecret: string, options: { attemptTimeoutMs?: number; pauseMs?: number } = {}): Promise<void> {
  const token = signAccessToken(jwtSecret, { kind: 'citizen', citizenId: s.citizenId });
  for (;;) {
    s.attempts++;
    const started = Date.now();
    // Named, so that a server log shows what became of an attempt the client gave up on.
    const requestId = `${s.key}.${s.attempts}`;
    try {
      const res = await fetch(`${base()}/api/requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': s.key, 'x-request-id': requestId },
        body: JSON.stringify(filingOf(s)),
        signal: AbortSignal.timeout(options.attemptTimeoutMs ?? CLIENT_TIMEOUT_MS),
      });
      const body = (await res.json().catch(() => ({}))) as { number?: string; queryCode?: string; request?: { id: string }; error?: { code: string; requestId?: string } };
      if (res.status === 201 || res.status === 200) {
        s.acknowledged = { number: body.number!, queryCode: body.queryCode!, id: body.request!.id, status: res.status };
        return;
      }
      s.refusals.push({ status: res.status, code: body.error?.code, ms: Date.now() - started, answeredAt: Date.now(), requestId: body.error?.requestId });
      if (res.status < 500) throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
    } catch (err) {
      if ((err as Error).message.startsWith('unexpected')) throw err;
      if ((err as Error).name === 'TimeoutError') s.timeouts.push({ at: started, requestId });
      // refused / reset / timed out while the server or its database is down: retry, same key
    }
    await new Promise((r) => setTimeout(r, options.pauseMs ?? 50));
  }
}

export interface Verdict {
  stored: number;
  duplicates: string[];
  wrongNumber: string[];
  unreadable: string[];
  lookupFails: string[];
  notAnnounced: string[];
}

/** Everything the burst acknowledged, checked in the database and through the API. */
export async function verify(db: mongoose.mongo.Db, base: string, jwtSecret: string, all: Submission[], announceWithinMs = 45_000): Promise<Verdict> {
  const requests = db.collection<{ _id: string; number: string; citizenId: string; idempotencyKey: string }>('requests');
  const verdict: Verdict = { stored: await requests.countDocuments({}), duplicates: [], wrongNumber: [], unreadable: [], lookupFails: [], notAnnounced: [] };
  // The clerk's inbox: a notice whose write failed (e.g. its inbox was mid-write when the process
  // died) is retried by the job runner, so give the retries time before calling it lost.
  const clerk = signAccessToken(jwtSecret, { kind: 'staff', staffId: CLERK_ID, role: 'clerk', bodyId: BODY, countyWide: false, county: 'pingwu' });
  let announced = new Set<string | null>();
  for (const until = Date.now() + announceWithinMs; ; ) {
    const inbox = (await (await fetch(`${base}/api/notifications`, { headers: { authorization: `Bearer ${clerk}` } })).json()) as { items: Array<{ requestId: string | null; kind: string }> };
    announced = new Set(inbox.items.filter((n) => n.kind === 'new_submission').map((n) => n.requestId));
    if (all.every((s) => announced.has(s.acknowledged!.id)) || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const s of all) {
    const a = s.acknowledged!;
    const stored = await requests.find({ citizenId: s.citizenId, idempotencyKey: s.key }).toArray();
    if (stored.length !== 1) verdict.duplicates.push(`${s.key}: ${stored.length} stored`);
    else if (stored[0]!.number !== a.number) verdict.wrongNumber.push(`${s.key}: acknowledged ${a.number}, stored ${stored[0]!.number}`);
    const token = signAccessToken(jwtSecret, { kind: 'citizen', citizenId: s.citizenId });
    const detail = await fetch(`${base}/api/requests/${a.id}`, { headers: { authorization: `Bearer ${token}` } });
    const d = (await detail.json()) as { number?: string; phase?: string; applicant?: { idNumber?: string }; thread?: unknown[] };
    if (detail.status !== 200 || d.number !== a.number || d.phase !== 'submitted' || d.applicant?.idNumber !== s.idNumber || !d.thread?.length) {
      verdict.unreadable.push(`${s.key}: ${detail.status} ${JSON.stringify(d).slice(0, 200)}`);
    }
    // The public lookup is limited to 30 a minute per address: check a spread of at most 25.
    if (all.indexOf(s) % Math.ceil(all.length / 25) === 0) {
      const lookup = await fetch(`${base}/api/lookup?number=${encodeURIComponent(a.number)}&code=${encodeURIComponent(a.queryCode)}`);
      if (lookup.status !== 200) verdict.lookupFails.push(`${a.number}: ${lookup.status}`);
    }
    if (!announced.has(a.id)) verdict.notAnnounced.push(a.number);
  }
  return verdict;
}

export const cleanVerdict = (n: number): Verdict => ({ stored: n, duplicates: [], wrongNumber: [], unreadable: [], lookupFails: [], notAnnounced: [] });
