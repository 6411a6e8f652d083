// The conversation: messages from the applicant and from staff, optionally carrying one
// attachment. Serialised per request like every other write; a message has no precondition on
// the request's version, so one that loses to another instance's write is simply written again
// on the fresh document (change.ts).
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors';
import { RequestModel, type RequestRecord, type StoredAttachment, type StoredMessage, type MessageAuthor } from '../models/request';
import { requestNotFound, loadRequest } from './access';
import { commitChange, retryConcurrentWrites } from './change';
import { crashPoint } from '../../lib/crash-point';
import { today, type RequestsDeps } from './deps';
import { announceStaffRead } from '../../storage/body-index';
import { requestLocks } from './locks';
import { performOwed } from './outbox';

export const newId = () => randomBytes(16).toString('base64url');

/** One document holds the whole conversation: keep it far below the 16 MB document limit. */
export const MESSAGES_PER_REQUEST = 1000;

export async function postMessage(
  deps: RequestsDeps,
  input: { requestId: string; author: MessageAuthor; mayAccess: (r: RequestRecord) => boolean; text: string; attachment?: StoredAttachment; check?: (r: RequestRecord) => void },
): Promise<{ request: RequestRecord; message: StoredMessage }> {
  return requestLocks.run(input.requestId, () => retryConcurrentWrites(async () => {
    const current = await loadRequest(input.requestId);
    if (!current || !input.mayAccess(current)) throw requestNotFound();
    if (current.messages.length >= MESSAGES_PER_REQUEST) throw new AppError(409, 'MESSAGE_LIMIT', `每个申请最多${MESSAGES_PER_REQUEST}条留言，请电话联系办理机关`);
    input.check?.(current);
    const now = deps.now();
    const message: StoredMessage = { id: newId(), at: now, author: input.author, text: input.text, attachmentIds: input.attachment ? [input.attachment.id] : [] };
    const fromCitizen = input.author.kind === 'citizen';
    const calendar = await deps.calendar();
    crashPoint('decided:message');
    const request = await commitChange(
      current,
      { message, ...(input.attachment ? { attachment: input.attachment } : {}), notify: { citizen: !fromCitizen, staff: fromCitizen } },
      { calendar, today: today(deps), now },
    );
    crashPoint('commit:message');
    await performOwed(deps, request, { justWritten: true });
    return { request, message };
  }));
}

/**
 * POST …/read: the reader has seen everything up to now. Not a change of the request (no version
 * bump, so reading never makes someone else's action stale) — but still under the request's lock:
 * FerretDB rewrites the whole document on update, so an unserialised write could drop a
 * concurrent change. (On MongoDB a `$set` of one field is atomic by itself.)
 */
export async function markRead(deps: RequestsDeps, requestId: string, side: 'citizen' | 'staff'): Promise<void> {
  await requestLocks.run(requestId, async () => {
    const at = deps.now();
    if (side === 'staff') await announceStaffRead(requestId, at);
    await RequestModel.updateOne({ _id: requestId }, { $set: { [`readState.${side}`]: at } });
  });
}
