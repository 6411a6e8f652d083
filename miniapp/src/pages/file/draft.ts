// The filing draft on the device (api/storage drafts): saved on every keystroke and every
// answer, restored when the page opens again — after the app was closed, the network lost or
// a submit failed. Removed only once the server has acknowledged the request; its receipt
// (申请编号 + 查询码) then stays until the citizen confirms they have kept the code.
import type { FileRequestResponse } from '@zwgk/shared';
import { clearDraft, loadDraft, saveDraft, storage } from '../../api/storage';
import { emptyDraft, type FilingDraft } from './flow';

const name = 'filing';
const receiptKey = 'filing.receipt';

export function loadFilingDraft(): { draft: FilingDraft; savedAt: string | null } {
  const stored = loadDraft<FilingDraft>(name);
  if (!stored || stored.value?.version !== 1) return { draft: emptyDraft(), savedAt: null };
  return { draft: { ...emptyDraft(), ...stored.value }, savedAt: stored.savedAt };
}

export function saveFilingDraft(draft: FilingDraft): string {
  const now = new Date();
  saveDraft(name, draft, now);
  return now.toISOString();
}

export function discardFilingDraft(): void {
  clearDraft(name);
}

/** 8–128 characters of [A-Za-z0-9_-] (the server's Idempotency-Key rule). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return `f-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface FilingReceipt {
  number: string;
  queryCode: string;
  requestId: string;
  bodyName: string;
  dueOn: string | null;
  /** Consent answers of the subscribe-message sheet (WeChat), for the confirmation text. */
  subscribed: boolean;
}

export function receiptOf(response: FileRequestResponse, subscribed: boolean): FilingReceipt {
  return {
    number: response.number,
    queryCode: response.queryCode,
    requestId: response.request.id,
    bodyName: response.request.bodyName,
    dueOn: response.request.dueOn,
    subscribed,
  };
}

/** Kept until the citizen says they have saved the 查询码 (it is shown once by the server). */
export function saveReceipt(receipt: FilingReceipt): void {
  storage.write(receiptKey, receipt);
}

export function loadReceipt(): FilingReceipt | undefined {
  return storage.read<FilingReceipt>(receiptKey);
}

export function dismissReceipt(): void {
  storage.remove(receiptKey);
}
