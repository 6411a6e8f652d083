// In-app notifications. One document per recipient (`citizen:<id>` or `staff:<id>`) holding
// its newest notifications, so showing the list and the unread badge is ONE read by `_id` —
// the only indexed lookup on FerretDB — instead of a scan of every notification ever made.
// Items have deterministic ids (`<requestId>:<eventIndex>:<recipient>`), so adding one twice
// is a no-op. The request's own thread keeps the full history; the inbox keeps the newest
// INBOX_LIMIT.
import mongoose, { Schema } from 'mongoose';
import { updateVersioned } from '../storage/versioned';

export const INBOX_LIMIT = 200;

export type RecipientKind = 'citizen' | 'staff';
export interface Recipient {
  kind: RecipientKind;
  id: string;
}
export const recipientKey = (r: Recipient) => `${r.kind}:${r.id}`;

export interface InboxItem {
  /** Deterministic: `<requestId>:<eventIndex>:<kind>:<recipientId>`, `reminder:…`, `message:…`. */
  id: string;
  /** e.g. 'received', 'new_submission', 'reply_due_soon', 'message'. */
  kind: string;
  requestId: string | null;
  requestNumber: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxDoc {
  _id: string;
  items: InboxItem[];
  version: number;
}

const itemSchema = new Schema<InboxItem>(
  {
    id: { type: String, required: true },
    kind: { type: String, required: true },
    requestId: { type: String, default: null },
    requestNumber: { type: String, default: null },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { _id: false },
);

const inboxSchema = new Schema<InboxDoc>(
  {
    _id: { type: String, required: true },
    items: { type: [itemSchema], default: [] },
    version: { type: Number, default: 0 },
  },
  { collection: 'notificationinboxes', versionKey: false, minimize: false },
);

export const Inbox = mongoose.model<InboxDoc>('Inbox', inboxSchema);

/** Adds the item unless an item with its id is there; true when added. */
export async function addToInbox(recipient: Recipient, item: Omit<InboxItem, 'readAt'>): Promise<boolean> {
  return updateVersioned(Inbox, recipientKey(recipient), (current) => {
    const items = current?.items ?? [];
    if (items.some((i) => i.id === item.id)) return { next: null, result: false };
    const next = [{ ...item, readAt: null }, ...items]
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
      .slice(0, INBOX_LIMIT);
    return { next: { items: next }, result: true };
  });
}

export async function readInbox(recipient: Recipient): Promise<{ items: InboxItem[]; unread: number }> {
  const doc = await Inbox.findById(recipientKey(recipient)).lean<InboxDoc>();
  const items = doc?.items ?? [];
  return { items, unread: unreadCount(items) };
}

/** Marks one item read; null when the recipient has no such item. */
export async function markRead(recipient: Recipient, id: string, at: Date): Promise<{ unread: number } | null> {
  return updateVersioned(Inbox, recipientKey(recipient), (current) => {
    const items = current?.items ?? [];
    const item = items.find((i) => i.id === id);
    if (!item) return { next: null, result: null };
    if (item.readAt) return { next: null, result: { unread: unreadCount(items) } };
    const next = items.map((i) => (i.id === id ? { ...i, readAt: at } : i));
    return { next: { items: next }, result: { unread: unreadCount(next) } };
  });
}

export async function markAllRead(recipient: Recipient, at: Date): Promise<{ unread: number }> {
  return updateVersioned(Inbox, recipientKey(recipient), (current) => {
    const items = current?.items ?? [];
    if (!items.some((i) => !i.readAt)) return { next: null, result: { unread: 0 } };
    return { next: { items: items.map((i) => (i.readAt ? i : { ...i, readAt: at })) }, result: { unread: 0 } };
  });
}

export function unreadCount(items: readonly InboxItem[]): number {
  return items.filter((i) => !i.readAt).length;
}
