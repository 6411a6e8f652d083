// Paging of the inbox (GET /api/staff/requests with limit/offset). A group (new submissions, or
// the requests by deadline) shows its first page, then one more page each time the list reaches
// the bottom or "加载更多" is tapped. A refresh (pull down, a live update, coming back to the
// page) reloads as many rows as are on screen, so the list does not jump back to its first page
// while someone is working down it; pull-to-refresh and a new filter start again from one page.
import type { StaffInbox, StaffInboxItem, StaffInboxQuery } from '@zwgk/shared';

/** Rows per "加载更多". */
export const PAGE_SIZE = 50;
/** The server's largest page (staffInboxQuerySchema in shared/src/api/staff-requests.ts). */
export const MAX_LIMIT = 200;

export interface InboxGroup {
  items: StaffInboxItem[];
  /** Matching rows on the server (all pages). */
  total: number;
}

export type FetchInbox = (query: StaffInboxQuery) => Promise<StaffInbox>;

/** Appends rows not already listed: a row can move from one page to the next between two calls. */
export function appendRows(items: StaffInboxItem[], more: StaffInboxItem[]): StaffInboxItem[] {
  const seen = new Set(items.map((i) => i.id));
  return [...items, ...more.filter((i) => !seen.has(i.id))];
}

export const hasMore = (g: InboxGroup | undefined): boolean => !!g && g.items.length < g.total;

/**
 * The first `count` rows of the query (at least one page), in calls of at most MAX_LIMIT.
 * Answers the last call's counts (the freshest) with every row read.
 */
export async function loadRows(fetch: FetchInbox, query: StaffInboxQuery, count: number): Promise<StaffInbox> {
  const want = Math.max(PAGE_SIZE, count);
  let answer = await fetch({ ...query, limit: Math.min(want, MAX_LIMIT), offset: 0 });
  let items = answer.items;
  while (items.length < Math.min(want, answer.total)) {
    const next = await fetch({ ...query, limit: Math.min(want - items.length, MAX_LIMIT), offset: items.length });
    if (next.items.length === 0) break; // the list shrank meanwhile
    items = appendRows(items, next.items);
    answer = next;
  }
  return { ...answer, items };
}

/** The next page after the rows already listed. */
export async function loadNextPage(fetch: FetchInbox, query: StaffInboxQuery, group: InboxGroup): Promise<StaffInbox> {
  const answer = await fetch({ ...query, limit: PAGE_SIZE, offset: group.items.length });
  return { ...answer, items: appendRows(group.items, answer.items) };
}
