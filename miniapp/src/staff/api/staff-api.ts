// The staff console's endpoints, typed by the contract in @zwgk/shared (shared/src/api). Pages call
// these; nothing in the console spells a URL elsewhere.
import type {
  FeeBasisView,
  LegalDate,
  MessageBody,
  MessageResponse,
  PublishedCalendar,
  RegisterOfflineBody,
  RegisterOfflineResponse,
  StaffActionBody,
  StaffIdentityResponse,
  StaffInbox,
  StaffInboxQuery,
  StaffAssigneeList,
  StaffProfile,
  StaffRequestDetail,
  StreamTicketResponse,
  SupervisionView,
  TokenResponse,
} from '@zwgk/shared';
import { staffApi } from '../../api/client';
import type { ReportEditorView, ReportInputsBody, ReportInputsView, ReportPublishResponse } from '@zwgk/shared';

export type { StaffAssignee as Assignee } from '@zwgk/shared';

const enc = encodeURIComponent;

/** A draft report is computed from the records on its first view after a change: allow for it. */
const REPORT_TIMEOUT_MS = 60_000;

export const staffEndpoints = {
  signIn: (username: string, password: string) => staffApi.post<TokenResponse>('/auth/staff', { username, password }, { auth: false }),
  refresh: (refreshToken: string) => staffApi.post<TokenResponse>('/auth/refresh', { refreshToken }, { auth: false }),
  logout: (refreshToken: string) => staffApi.post<void>('/auth/logout', { refreshToken }, { auth: false }),
  me: () => staffApi.get<StaffProfile>('/me'),

  inbox: (query: StaffInboxQuery) => staffApi.get<StaffInbox>('/staff/requests', { query: { ...query } }),
  detail: (id: string) => staffApi.get<StaffRequestDetail>(`/staff/requests/${enc(id)}`),
  /** The full identity; every call is audited by the server. */
  identity: (id: string) => staffApi.get<StaffIdentityResponse>(`/staff/requests/${enc(id)}/identity`),
  act: (id: string, action: StaffActionBody) => staffApi.post<StaffRequestDetail>(`/staff/requests/${enc(id)}/actions`, action),
  /** Answers the new message (the thread item); reload the detail to see it in place. */
  message: (id: string, body: MessageBody) => staffApi.post<MessageResponse>(`/staff/requests/${enc(id)}/messages`, body),
  markRead: (id: string) => staffApi.post<void>(`/staff/requests/${enc(id)}/read`),
  register: (filing: RegisterOfflineBody, idempotencyKey: string) =>
    staffApi.post<RegisterOfflineResponse>('/staff/requests', filing, { idempotencyKey }),
  assignees: (bodyId?: string) => staffApi.get<StaffAssigneeList>('/staff/assignees', { query: { bodyId } }),
  feeBasis: (id: string) => staffApi.get<FeeBasisView>(`/staff/requests/${enc(id)}/fee-basis`),

  supervision: (year: number) => staffApi.get<SupervisionView>('/staff/supervision', { query: { year } }),

  report: (bodyId: string, year: number) => staffApi.get<ReportEditorView>(`/reports/${enc(bodyId)}/${year}`, { query: { edition: 'draft' }, timeoutMs: REPORT_TIMEOUT_MS }),
  reportInputs: (bodyId: string, year: number) => staffApi.get<ReportInputsView>(`/reports/${enc(bodyId)}/${year}/inputs`, { timeoutMs: REPORT_TIMEOUT_MS }),
  saveReportInputs: (bodyId: string, year: number, { version, section2, narrative }: ReportInputsBody) =>
    staffApi.put<ReportInputsView>(`/reports/${enc(bodyId)}/${year}/inputs`, { version, section2, narrative }, { timeoutMs: REPORT_TIMEOUT_MS }),
  publishReport: (bodyId: string, year: number, fingerprint: string | null) =>
    staffApi.post<ReportPublishResponse>(`/reports/${enc(bodyId)}/${year}/publish`, fingerprint ? { fingerprint } : {}, { timeoutMs: REPORT_TIMEOUT_MS }),

  calendar: () => staffApi.get<PublishedCalendar>('/calendar', { auth: false }),
  /** A year's State Council notice, pasted; a line the server cannot read refuses the whole (422). */
  enterHolidayNotice: (year: number, text: string) => staffApi.post<PublishedCalendar>('/staff/calendar/notice', { year, text }),
  removeCalendarOverride: (date: LegalDate) => staffApi.delete<PublishedCalendar>(`/staff/calendar/overrides/${enc(date)}`),

  streamTicket: () => staffApi.post<StreamTicketResponse>('/stream/ticket'),
};
