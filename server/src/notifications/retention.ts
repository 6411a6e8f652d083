// How long the notifications module's job ids stay "already done" in `jobarchive`, and its claims
// (jobs/retention.ts explains the registry; docs/ARCHITECTURE.md has the table). For each kind: can
// the same id be scheduled again, and what would running it again do?
//
//   reminder:<req>:<kind>:<date>   while the request is open, any replay of one of its events
//          re-schedules every reminder the whole history still wants (replay.ts) — one that
//          already fired included, whatever its date — and only the archive entry stops it firing
//          again. Once the request is concluded (delivered, closed, withdrawn: final phases) the
//          concluding event cancelled every reminder, so no replay wants one, no later event
//          schedules one, and a reminder that ran anyway would find the request concluded and do
//          nothing (reminders.ts). So: kept while the request is open; 30 days after it fired
//          once the request is concluded or gone.
//   wechat:<notificationId>        a subscribe message must never go twice. The id is scheduled
//          when its event is told: right after the write, or by a replay (the request outbox's
//          sweep, a retried filing), and a replay sends none for an event older than 7 days
//          (SUBSCRIBE_REPLAY_WINDOW_MS). The entry is written when the send finished, after the
//          event was recorded, so 30 days after it nothing can schedule that id again.
import { fold, isConcluded, type RequestEvent } from '@zwgk/shared';
import { DAY_MS, pruneArchive, pruneArchiveUnlessNeeded, type ArchivedRef, type RetentionRule } from '../jobs';
import { SUBSCRIBE_REPLAY_WINDOW_MS } from './notifier';
import { REMINDER_KIND } from './reminders';
import { WECHAT_SEND_KIND } from './wechat-send';

export const NOTIFICATION_RETENTION = {
  remindersMs: 30 * DAY_MS,
  wechatSendsMs: 30 * DAY_MS,
} as const;

// The send window must end well before the entries go (see the header).
if (NOTIFICATION_RETENTION.wechatSendsMs <= SUBSCRIBE_REPLAY_WINDOW_MS) throw new Error('wechat send entries must outlive the replay window');

/** The request a reminder entry belongs to: its group `reminders:<requestId>`, else its id. */
function requestOf(entry: ArchivedRef): string | null {
  if (entry.group?.startsWith('reminders:')) return entry.group.slice('reminders:'.length);
  const m = /^reminder:(.+):[a-z_]+:\d{4}-\d{2}-\d{2}$/.exec(entry._id);
  return m ? m[1]! : null;
}

/** The reminder entries of requests that are still open (or unreadable: kept, to be safe). */
export function remindersStillNeeded(loadRequest: (id: string) => Promise<{ events: unknown[] } | null>) {
  return async (entries: readonly ArchivedRef[]): Promise<Set<string>> => {
    const byRequest = new Map<string, string[]>();
    const keep = new Set<string>();
    for (const e of entries) {
      const requestId = requestOf(e);
      if (!requestId) keep.add(e._id); // not ours to judge
      else byRequest.set(requestId, [...(byRequest.get(requestId) ?? []), e._id]);
    }
    // One read by `_id` per request (FerretDB does not push `$in` on `_id` down).
    for (const [requestId, ids] of byRequest) {
      const request = await loadRequest(requestId);
      if (!request) continue; // gone: nothing can schedule its reminders
      let open = true;
      try {
        open = !isConcluded(fold(request.events as RequestEvent[]).phase);
      } catch {
        open = true;
      }
      if (open) for (const id of ids) keep.add(id);
    }
    return keep;
  };
}

export function notificationsRetention(deps: { loadRequest: (id: string) => Promise<{ events: unknown[] } | null> }): RetentionRule[] {
  const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
  return [
    {
      what: `jobarchive: ${REMINDER_KIND}`,
      kinds: [REMINDER_KIND],
      keep: 'while the request is open; 30 days after firing once it is concluded',
      why: 'a replay of an open request re-schedules every reminder its history still wants, fired ones included; a concluded request wants none and a reminder run for it does nothing',
      prune: ({ now, signal }) => pruneArchiveUnlessNeeded(REMINDER_KIND, ago(now, NOTIFICATION_RETENTION.remindersMs), remindersStillNeeded(deps.loadRequest), signal),
    },
    {
      what: `jobarchive: ${WECHAT_SEND_KIND}`,
      kinds: [WECHAT_SEND_KIND],
      keep: '30 days',
      why: 'never sent twice: only telling its event schedules the id, and a replay sends nothing for an event older than 7 days; the entry is younger than its event',
      prune: ({ now }) => pruneArchive([WECHAT_SEND_KIND], ago(now, NOTIFICATION_RETENTION.wechatSendsMs)),
    },
  ];
}
