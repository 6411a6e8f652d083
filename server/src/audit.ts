// The audit trail (issue 4 §7): `await audit(ctx, 'request.identity_viewed', { requestId })`.
// Append-only (models/audit.ts refuses updates and deletes). Awaited on purpose: a read of
// personal data that cannot be recorded should fail rather than go unrecorded.
//
// `detail` is for ids, states, outcomes, counts — never personal data. As a second line of
// defence, values under personal-data keys (idNumber, phone, name, password, …) and strings
// that look like an ID number or a mobile number are replaced by '[redacted]'.
import type { Context } from 'koa';
import type { Actor } from './auth/actor';
import { AuditEntry, type AuditActor, type AuditDoc } from './models/audit';

export type AuditSubject = Actor | { kind: 'system' } | Pick<Context, 'state'>;

export interface AuditDetail {
  /** The disclosure request concerned (stored as a top-level field). */
  requestId?: string;
  /** The body concerned (stored as a top-level field; defaults to the staff actor's body). */
  bodyId?: string;
  [key: string]: unknown;
}

const REDACTED = '[redacted]';
const PERSONAL_KEYS = /^(id_?number|id_?card|phone|mobile|tel|name|applicant_?name|address|email|password|password_?hash|secret|token|access_?token|refresh_?token|openid|session_?key|query_?code)$/i;
// ID number (GB 11643: 17 digits + digit/X) and mainland mobile numbers, anywhere in a string.
const ID_NUMBER = /\d{17}[\dXx]/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Copies `value` with personal data removed (depth-limited). Exported for tests. */
export function scrubDetail(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => scrubDetail(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$') || k.includes('.')) continue; // not storable, and never needed
    out[k] = PERSONAL_KEYS.test(k) ? REDACTED : scrubDetail(v, depth + 1);
  }
  return out;
}

function isContext(subject: AuditSubject): subject is Pick<Context, 'state'> {
  return 'state' in subject;
}

export function auditActor(actor: Actor | { kind: 'system' }): AuditActor {
  if (actor.kind === 'citizen') return { kind: 'citizen', id: actor.citizenId };
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.staffId, role: actor.role, bodyId: actor.bodyId };
  return { kind: actor.kind };
}

/** Appends one entry. `subject` is the Koa context (actor + request id), an Actor, or {kind: 'system'}. */
export async function audit(subject: AuditSubject, action: string, detail: AuditDetail = {}): Promise<void> {
  const actor: Actor | { kind: 'system' } = isContext(subject) ? (subject.state.actor ?? { kind: 'anonymous' }) : subject;
  const httpRequestId = isContext(subject) ? subject.state.requestId : undefined;
  const { requestId, bodyId, ...rest } = detail;
  const entry: Omit<AuditDoc, '_id'> = {
    at: new Date(),
    actor: auditActor(actor),
    action,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof bodyId === 'string' ? { bodyId } : actor.kind === 'staff' ? { bodyId: actor.bodyId } : {}),
    ...(httpRequestId ? { httpRequestId } : {}),
    detail: scrubDetail(rest) as Record<string, unknown>,
  };
  await AuditEntry.create(entry);
}

/** Newest first; filters are scans on FerretDB, fine for an admin screen or a test. */
export async function listAudit(filter: { action?: string; requestId?: string; actorId?: string; bodyId?: string } = {}, limit = 100): Promise<AuditDoc[]> {
  const query: Record<string, string> = {};
  if (filter.action) query.action = filter.action;
  if (filter.requestId) query.requestId = filter.requestId;
  if (filter.actorId) query['actor.id'] = filter.actorId;
  if (filter.bodyId) query.bodyId = filter.bodyId;
  return AuditEntry.find(query).sort({ at: -1, _id: -1 }).limit(limit).lean<AuditDoc[]>();
}
