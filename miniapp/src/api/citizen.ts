// The citizen app's endpoints, typed with the contract of @zwgk/shared (shared/src/api). Pages
// call these; nothing else spells an API path.
import type {
  BodyDirectory,
  CitizenRequestDetail,
  CitizenRequestList,
  CorrectionBody,
  FileRequestResponse,
  FilingInput,
  LookupResult,
  MessageResponse,
  ReportJson,
  WithdrawBody,
} from '@zwgk/shared';
import { citizenApi } from './client';
import type { StoredTokens } from './storage';

export interface CitizenProfile {
  kind: 'citizen';
  id: string;
  channel: 'wechat' | 'dev';
  nickname?: string;
  createdAt: string;
}

/** Answer of every sign-in endpoint (server/src/routes/auth/schema.ts tokenResponse). */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshExpiresIn: number;
  me: CitizenProfile | { kind: 'staff' };
}

/** One in-app notification (server/src/routes/notifications/schema.ts). */
export interface NotificationView {
  id: string;
  kind: string;
  requestId: string | null;
  requestNumber: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}

export interface NotificationList {
  items: NotificationView[];
  unread: number;
}

export type SubscribeTemplateKey = 'status' | 'reply' | 'correction';

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
  read: (id: string) => citizenApi.post<{ unread: number }>(`/notifications/${enc(id)}/read`),
  readAll: () => citizenApi.post<{ unread: number }>('/notifications/read-all'),
  templates: () => citizenApi.get<{ templates: Array<{ key: SubscribeTemplateKey; templateId: string }> }>('/notifications/templates', { auth: false }),
  consent: (templateKey: SubscribeTemplateKey, accepted: boolean) => citizenApi.post<{ templateKey: string; available: number }>('/notifications/consent', { templateKey, accepted }),
};

/** GET /api/reports/:body/:year (server/src/routes/reports/present.ts), the parts the app shows. */
export interface ReportView {
  bodyId: string;
  year: number;
  status: 'draft' | 'published' | 'imported';
  edition: { n: number; kind: string; on: string; note?: string } | null;
  report: ReportJson;
  /** Figures by key ('requests.new', 'cases.review'…); null when the data does not give one. */
  figures: Record<string, number | null>;
  ok: boolean;
  /** Absolute links: json/txt/md/html/docx, share (page), chat (5:4), moments (1:1), og, poster. */
  links: Record<string, string>;
}

export const reportsApi = {
  get: (bodyId: string, year: number) => citizenApi.get<ReportView>(`/reports/${enc(bodyId)}/${year}`, { auth: false }),
};

export const streamApi = {
  ticket: () => citizenApi.post<{ ticket: string; expiresIn: number }>('/stream/ticket'),
};

export function tokensOf(response: TokenResponse): StoredTokens {
  return { audience: 'citizen', accessToken: response.accessToken, refreshToken: response.refreshToken };
}

// A 401 refreshes the session once (rotation) and retries; installed here because every page
// that talks to the API imports this module.
citizenApi.setRefreshHandler(async (tokens) => tokensOf(await authApi.refresh(tokens.refreshToken)));
