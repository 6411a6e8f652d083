// Filing a request (citizen, online) and registering one that came on paper (staff). Both make
// ONE insert of the whole request document, acknowledged by the database before we answer.
//
// Why this never loses or duplicates a submission (issue 4 §2, "never lose a submission"):
// - The request id is derived from (who, Idempotency-Key), so every retry of one submission
//   targets the same `_id`; `_id` is unique and indexed on FerretDB and MongoDB alike, and the
//   compound unique index (citizenId, idempotencyKey) states the same guarantee explicitly.
// - Inside this process retries are serialised per id (locks.ts): the second finds the first's
//   document and answers it (200). Across instances the loser of the race gets a duplicate-key
//   error and reads the winner's document. Either way: one request, and the same answer.
// - The single-document insert is atomic on both databases (no transaction needed: nothing
//   else is written). We answer only after the insert is acknowledged (FerretDB commits to
//   SQLite before acknowledging; MongoDB's default write concern is majority on replica sets
//   since 5.0), so an acknowledged 申请编号 is stored; a crash before the acknowledgement means
//   the client got no answer and its retry with the same key either finds the request or
//   creates it — never two.
import { createHash, randomBytes } from 'node:crypto';
import {
  availableActions,
  canFire,
  initialState,
  legalDateOf,
  transition,
  type Filing,
  type LegalDate,
  type RequestEvent,
  type RequestState,
  type Role,
} from '@zwgk/shared';
import type { CitizenActor, StaffActor } from '../../auth/actor';
import { staffCanSeeBody } from '../../auth/middleware';
import { validationFailed } from '../../errors';
import { ensureRequestIndexes, RequestModel, type RequestRecord } from '../models/request';
import { getBody, type BodyInfo } from './bodies';
import { cachedFields } from './change';
import { today, type RequestsDeps } from './deps';
import { sealApplicant } from './identity';
import { requestLocks } from './locks';
import { announceRequest } from '../../storage/body-index';
import { claimNextNumber } from '../../storage/numbering';
import { hashQueryCode, queryCodeFor } from './query-code';
import { refusalError } from './refusals';
import { eventsEntry, performOwed } from './outbox';
import { rememberCitizenRequest } from '../../storage/citizen-index';
import { isDuplicateKeyError } from '../../db/duplicate';
import { crashPoint } from '../../lib/crash-point';

export interface FileResult {
  request: RequestRecord;
  /** Shown to the applicant once (and again to a retry of the same submission). */
  queryCode: string;
  created: boolean;
}

export type OfflineChannel = 'in_person' | 'oral' | 'post_signed' | 'letter' | 'fax' | 'email';

const MAX_NUMBER_ATTEMPTS = 5;

/** Deterministic id of the request one submission creates. */
export function requestIdFor(scope: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${scope}\n${idempotencyKey}`).digest('base64url').slice(0, 24);
}

async function receivingBody(bodyId: string): Promise<BodyInfo> {
  const body = await getBody(bodyId);
  if (!body) throw validationFailed([{ field: 'bodyId', message: '受理机关不存在，请从机关目录中选择' }]);
  return body;
}

interface NewRequest {
  id: string;
  scope: { citizenId: string | null; idempotencyKey: string; registeredBy: string | null };
  body: BodyInfo;
  filing: Filing;
  channel: RequestRecord['channel'];
  /** Events in order, already accepted by `transition`. */
  events: RequestEvent[];
  state: RequestState;
  /** Who has something new to look at. */
  activity: { citizen: boolean; staff: boolean };
  /** Year of the 申请编号. */
  year: number;
}

async function insertNew(deps: RequestsDeps, n: NewRequest): Promise<FileResult> {
  await ensureRequestIndexes();
  const calendar = await deps.calendar();
  const now = deps.now();
  const queryCode = queryCodeFor(n.id);
  const { filing } = n;
  // The citizen's list names the request before it exists (a superset: readers skip ids not stored).
  if (n.scope.citizenId) await rememberCitizenRequest(n.scope.citizenId, n.id);
  for (let attempt = 1; ; attempt++) {
    // Claimed for this request before the insert (storage/numbering.ts).
    const number = await claimNextNumber(n.body, n.year, n.id);
    const doc: RequestRecord = {
      _id: n.id,
      number,
      queryCodeHash: hashQueryCode(queryCode),
      bodyId: n.body._id,
      county: n.body.county,
      citizenId: n.scope.citizenId,
      channel: n.channel,
      idempotencyKey: n.scope.idempotencyKey,
      applicantType: filing.applicant.applicantType,
      applicant: sealApplicant(filing.applicant),
      content: {
        description: filing.description,
        ...(filing.documentTitle ? { documentTitle: filing.documentTitle } : {}),
        ...(filing.documentNumber ? { documentNumber: filing.documentNumber } : {}),
        medium: filing.medium,
        delivery: filing.delivery,
        ...(filing.purpose ? { purpose: filing.purpose } : {}),
      },
      events: n.events,
      ...cachedFields(n.state, calendar, today(deps)),
      messages: [],
      attachments: [],
      readState: { citizen: n.scope.citizenId ? now : null, staff: n.scope.registeredBy ? now : null },
      activity: { citizen: n.activity.citizen ? now : null, staff: n.activity.staff ? now : null },
      registeredBy: n.scope.registeredBy,
      lastActivityAt: now,
      createdAt: now,
      version: 0,
      // What the filing owes (notices, reminders, report stamp), stored with it (outbox.ts).
      outbox: [eventsEntry(0, n.events.length, now)],
    };
    try {
      // The body's inbox document names it before it exists (storage/body-index.ts: a superset, never a miss).
      await announceRequest(doc.bodyId, { id: doc._id, version: doc.version, read: doc.readState.staff });
      crashPoint('decided:filing');
      const request = (await RequestModel.create(doc)).toObject<RequestRecord>();
      crashPoint('commit:filing');
      await performOwed(deps, request, { justWritten: true });
      return { request, queryCode, created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Same submission stored by another instance (same `_id`, or same scope + key)?
      const existing =
        (await RequestModel.findById(n.id).lean<RequestRecord>()) ??
        (await RequestModel.findOne({ citizenId: n.scope.citizenId, idempotencyKey: n.scope.idempotencyKey }).lean<RequestRecord>());
      if (existing) return { request: existing, queryCode: queryCodeFor(existing._id), created: false };
      // Otherwise the number was drawn twice (another instance bumped the counter at the same time).
      if (attempt >= MAX_NUMBER_ATTEMPTS) throw err;
    }
  }
}

/**
 * A retry of a submission that is already stored. The first attempt may have died between the
 * insert and its follow-ups (the process was killed, the database went away): its client got no
 * answer and retries with the same key. The sweep would perform what the filing owes anyway
 * (outbox.ts); performing it now is sooner, and safe: everything has a deterministic id.
 */
async function answerStored(deps: RequestsDeps, existing: RequestRecord): Promise<FileResult> {
  await performOwed(deps, existing);
  return { request: existing, queryCode: queryCodeFor(existing._id), created: false };
}

/** Accepts `type` for `role` on `state` with the lifecycle's own rules, or throws its refusal. */
function accept(state: RequestState, event: Record<string, unknown> & { type: RequestEvent['type']; on: LegalDate; actor: { role: Role; id: string } }, ctx: { calendar: Awaited<ReturnType<RequestsDeps['calendar']>>; requiresReview: boolean }) {
  const guardCtx = { calendar: ctx.calendar, today: event.on, requiresReview: ctx.requiresReview };
  if (!availableActions(state, event.actor.role, guardCtx).includes(event.type)) {
    const refusal = canFire(state, event.type, event.actor.role, guardCtx);
    throw refusalError(refusal?.code ?? 'phase_not_allowed', refusal?.reason ?? '当前不能执行此操作');
  }
  const r = transition(state, event, ctx);
  if (!r.ok) throw refusalError(r.code, r.reason);
  return r;
}

/** Whether the submission with this key is already stored (its retry is answered, not limited). */
export async function filingStored(actor: CitizenActor, idempotencyKey: string): Promise<boolean> {
  return (await RequestModel.exists({ _id: requestIdFor(`citizen:${actor.citizenId}`, idempotencyKey) })) !== null;
}

/** POST /api/requests: a citizen files online; the request waits for the office to confirm receipt (Art. 31). */
export async function fileRequest(deps: RequestsDeps, actor: CitizenActor, filing: Filing, idempotencyKey: string): Promise<FileResult> {
  const id = requestIdFor(`citizen:${actor.citizenId}`, idempotencyKey);
  return requestLocks.run(id, async () => {
    const existing = await RequestModel.findById(id).lean<RequestRecord>();
    if (existing) return answerStored(deps, existing);
    const body = await receivingBody(filing.bodyId);
    const calendar = await deps.calendar();
    const now = deps.now();
    const on = legalDateOf(now);
    const submit = accept(initialState, { type: 'submit', at: now.toISOString(), on, actor: { role: 'citizen', id: actor.citizenId }, channel: 'online' }, { calendar, requiresReview: body.requiresReview });
    return insertNew(deps, {
      id,
      scope: { citizenId: actor.citizenId, idempotencyKey, registeredBy: null },
      body,
      filing,
      channel: 'online',
      events: [submit.event],
      state: submit.state,
      activity: { citizen: false, staff: true },
      year: Number(on.slice(0, 4)),
    });
  });
}

/**
 * POST /api/staff/requests: staff register a request that came by counter, post, fax, e-mail or
 * orally. Its receipt date is the one Art. 31 gives for that channel, so it is received at once:
 * `submit` (on the receipt date) and `confirm_receipt` (today, with that receipt date).
 */
export async function registerOffline(
  deps: RequestsDeps,
  actor: StaffActor,
  filing: Filing,
  offline: { channel: OfflineChannel; receivedOn: LegalDate },
  idempotencyKey: string | undefined,
): Promise<FileResult> {
  const scopeKey = idempotencyKey ? `staff:${actor.staffId}:${idempotencyKey}` : `auto:${randomBytes(16).toString('base64url')}`;
  const id = idempotencyKey ? requestIdFor(`staff:${actor.staffId}`, idempotencyKey) : randomBytes(18).toString('base64url');
  return requestLocks.run(id, async () => {
    const existing = await RequestModel.findById(id).lean<RequestRecord>();
    if (existing) return answerStored(deps, existing);
    const body = await receivingBody(filing.bodyId);
    if (!staffCanSeeBody(actor, { id: body._id, county: body.county })) {
      throw validationFailed([{ field: 'bodyId', message: '只能登记本机关收到的申请' }]);
    }
    const calendar = await deps.calendar();
    const now = deps.now();
    const on = legalDateOf(now);
    if (offline.receivedOn > on) throw validationFailed([{ field: 'receivedOn', message: '收到申请日期不能晚于今天' }]);
    const ctx = { calendar, requiresReview: body.requiresReview };
    const who = { role: actor.role as Role, id: actor.staffId };
    const submit = accept(initialState, { type: 'submit', at: now.toISOString(), on: offline.receivedOn, actor: who, channel: offline.channel }, ctx);
    const confirm = accept(submit.state, { type: 'confirm_receipt', at: now.toISOString(), on, actor: who, receivedOn: offline.receivedOn }, ctx);
    return insertNew(deps, {
      id,
      scope: { citizenId: null, idempotencyKey: scopeKey, registeredBy: actor.staffId },
      body,
      filing,
      channel: offline.channel,
      events: [submit.event, confirm.event],
      state: confirm.state,
      activity: { citizen: false, staff: false },
      year: Number(on.slice(0, 4)),
    });
  });
}
