// Every page path of the app in one place, so navigation never spells a path by hand.
// Paths are absolute (leading slash) as Taro.navigateTo expects.

function withQuery(path: string, query: Record<string, string>): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

export const pagePaths = {
  home: '/pages/index/index',
  file: '/pages/file/index',
  requests: '/pages/requests/index',
  thread: '/pages/thread/index',
  me: '/pages/me/index',
  notifications: '/pages/notifications/index',
  reportFigures: '/report/figures/index',
  reportShare: '/report/share/index',
  lookup: '/lookup/status/index',
  staffLogin: '/staff/login/index',
  staffInbox: '/staff/inbox/index',
  staffRequest: '/staff/request/index',
  staffRegister: '/staff/register/index',
  staffDecide: '/staff/decide/index',
  staffSupervision: '/staff/supervision/index',
  staffReportEditor: '/staff/report-editor/index',
  staffCalendar: '/staff/calendar/index',
} as const;

export type PageName = keyof typeof pagePaths;

/** URL of a page with its query, e.g. `pageUrl('thread', { id })`. */
export function pageUrl(page: PageName, query: Record<string, string> = {}): string {
  return withQuery(pagePaths[page], query);
}
