import type { StaffInbox, StaffInboxItem, StaffInboxQuery } from '@zwgk/shared';
import { loadNextPage, loadRows, MAX_LIMIT, PAGE_SIZE } from './inbox-paging';

// A stand-in for the server's limit/offset over a list that may change between calls.
function server(rows: string[]) {
  const calls: StaffInboxQuery[] = [];
  const fetch = async (q: StaffInboxQuery): Promise<StaffInbox> => {
    calls.push(q);
    const offset = q.offset ?? 0;
    const page = rows.slice(offset, offset + (q.limit ?? 50));
    return { items: page.map((id) => ({ id }) as StaffInboxItem), total: rows.length, counts: { byPhase: {}, open: rows.length, overdue: 0, dueSoon: 0, assignedToMe: 0 } };
  };
  return { fetch, calls };
}
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `r${from + i}`);

it('loads one page first, then the next pages until every row is listed', async () => {
  const s = server(ids(120));
  let g = await loadRows(s.fetch, { state: 'received' }, 0);
  expect(g.items).toHaveLength(PAGE_SIZE);
  expect(s.calls).toEqual([{ state: 'received', limit: PAGE_SIZE, offset: 0 }]);
  g = await loadNextPage(s.fetch, { state: 'received' }, g);
  g = await loadNextPage(s.fetch, { state: 'received' }, g);
  expect(g.items.map((i) => i.id)).toEqual(ids(120));
  expect(s.calls.map((c) => c.offset)).toEqual([0, 50, 100]);
});

it('a refresh reloads as many rows as are listed, in calls the server accepts', async () => {
  const s = server(ids(450));
  const g = await loadRows(s.fetch, {}, 430);
  expect(g.items.map((i) => i.id)).toEqual(ids(430));
  expect(s.calls.map((c) => [c.offset, c.limit])).toEqual([
    [0, MAX_LIMIT],
    [200, MAX_LIMIT],
    [400, 30],
  ]);
});

it('never lists a row twice when rows move between pages', async () => {
  const rows = ids(60);
  const s = server(rows);
  const g = await loadRows(s.fetch, {}, 0);
  rows.unshift('new'); // a new request sorts first: r49 moves to the second page
  const next = await loadNextPage(s.fetch, {}, g);
  expect(next.items.map((i) => i.id)).toEqual(ids(60)); // r49 once; 'new' comes with the refresh its live event causes
  expect(next.total).toBe(61);
  const refreshed = await loadRows(s.fetch, {}, next.items.length);
  expect(refreshed.items.map((i) => i.id)).toEqual(['new', ...ids(59)]);
  expect((await loadNextPage(s.fetch, {}, refreshed)).items.map((i) => i.id)).toEqual(rows);
});
