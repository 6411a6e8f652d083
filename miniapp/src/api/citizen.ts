// The citizen app's endpoints, typed with the contract of @zwgk/shared (shared/src/api). Pages
// call these; nothing else spells an API path.
import type {
  BodyDirectory,
  CitizenProfile,
  CitizenRequestDetail,
  CitizenRequestList,
  ConsentResponse,
  CorrectionBody,
  FileRequestResponse,
  FilingInput,
  LookupResult,
  MessageResponse,
  NotificationList,
  ReportView,
  StreamTicketResponse,
  SubscribeTemplateKey,
  TemplatesResponse,
  TokenResponse,
  UnreadResponse,
  WithdrawBody,
} from '@zwgk/shared';
import { citizenApi } from './client';
import type { StoredTokens } from './storage';

// The app's own names for contract types (pages import them from here).
export type { CitizenProfile, NotificationList, NotificationView, ReportView, SubscribeTemplateKey, TokenResponse } from '@zwgk/shared';

const enc = encodeURIComponent;

export const authApi = {
  devCitizen: (name?: string) => citizenApi.post<TokenResponse>('/auth/dev-citizen', name ? { name } : {}, { auth: false }),
  wechat: (code: string) => citizenApi.post<TokenResponse>('/auth/wechat', { code }, { auth: false }),
  refresh: (refreshToken: string) => citizenApi.post<TokenResponse>('/auth/refresh', { refreshToken }, { auth: false }),
  logout: (refreshToken: string) => citizenApi.post<void>('/auth/logout', { refreshToken }, { auth: false }),
  me: () => citizenApi.get<CitizenProfile>('/me'),
};

export const bodiesApi = {
  directory: () => citizenApi.get<BodyDirectory>('/bodies', { auth: false }),
};

export const requestsApi = {
  list: () => citizenApi.get<CitizenRequestList>('/requests'),
  get: (id: string) => citizenApi.get<CitizenRequestDetail>(`/requests/${enc(id)}`),
  /** The same key on every retry of one submission: the server creates it once. */
  file: (filing: FilingInput, idempotencyKey: string) => citizenApi.post<FileRequestResponse>('/requests', filing, { idempotencyKey }),
  correct: (id: string, body: CorrectionBody) => citizenApi.post<CitizenRequestDetail>(`/requests/${enc(id)}/correction`, body),
  withdraw: (id: string, body: WithdrawBody) => citizenApi.post<CitizenRequestDetail>(`/requests/${enc(id)}/withdraw`, body),
  message: (id: string, text: string) => citizenApi.post<MessageResponse>(`/requests/${enc(id)}/messages`, { text }),
  markRead: (id: string) => citizenApi.post<void>(`/requests/${enc(id)}/read`),
};

export const lookupApi = {
  find: (number: string, code: string) => citizenApi.get<LookupResult>('/lookup', { auth: false, query: { number, code } }),
};

export const notificationsApi = {
  list: () => citizenApi.get<NotificationList>('/notifications'),
  read: (id: string) => citizenApi.post<UnreadResponse>(`/notifications/${enc(id)}/read`),
  readAll: () => citizenApi.post<UnreadResponse>('/notifications/read-all'),
  templates: () => citizenApi.get<TemplatesResponse>('/notifications/templates', { auth: false }),
  consent: (templateKey: SubscribeTemplateKey, accepted: boolean) => citizenApi.post<ConsentResponse>('/notifications/consent', { templateKey, accepted }),
};

export const reportsApi = {
  get: (bodyId: string, year: number) => citizenApi.get<ReportView>(`/reports/${enc(bodyId)}/${year}`, { auth: false }),
};

export const streamApi = {
  ticket: () => citizenApi.post<StreamTicketResponse>('/stream/ticket'),
};

export function tokensOf(response: TokenResponse): StoredTokens {
  return { audience: 'citizen', accessToken: response.accessToken, refreshToken: response.refreshToken };
}

// A 401 refreshes the session once (rotation) and retries; installed here because every page
// that talks to the API imports this module.
citizenApi.setRefreshHandler(async (tokens) => tokensOf(await authApi.refresh(tokens.refreshToken)));
