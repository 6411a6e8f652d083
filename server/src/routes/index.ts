// The route registry: every resource router of the API, in one list.
// To add a resource: create routes/<resource>/ (index.ts exporting a RouteFactory,
// handler(s), zod schema, test) and add ONE line here.
import type { RouteFactory } from './types';
import { authRoutes } from './auth';
import { bodyRoutes } from './bodies';
import { healthRoutes } from './health';
import { mediaRoutes } from './media';
import { openapiRoutes } from './openapi';
import { notificationRoutes } from './notifications';
import { streamRoutes } from './stream';
import { requestsRoutes } from './requests';
import { staffRequestsRoutes } from './staff-requests';
import { lookupRoutes } from './lookup';
import { staffConsoleRoutes } from './staff-console';
import { reportRoutes } from './reports';
import { shareRoutes } from './share';
import { calendarRoutes } from './calendar';

export const routeFactories: RouteFactory[] = [
  healthRoutes,
  authRoutes,
  openapiRoutes,
  notificationRoutes,
  streamRoutes,
  bodyRoutes,
  mediaRoutes,
  requestsRoutes,
  staffRequestsRoutes,
  lookupRoutes,
  staffConsoleRoutes,
  reportRoutes,
  shareRoutes,
  calendarRoutes,
];

export type { AppDeps, RouteFactory } from './types';
