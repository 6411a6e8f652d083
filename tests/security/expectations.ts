// The authorisation policy, written down independently of the code: for every route of the API,
// who may pass the door and which resource scope applies. The matrix test (authz-matrix.test.ts)
// derives the expected answer of every role from this table and compares it with what the real
// server answers; a route of the route table that is missing here (or an entry here without a
// route) fails the test, so no new route can escape the matrix.
//
//   who    public | signedIn | citizen | staff | [staff roles]    (the door, before any resource)
//   scope  none    — no per-resource check
//          ownerA  — a resource of citizen A: A gets it, every other signed-in person a 404
//          bodyX   — a resource of body X (平武县政府办): staff of X and the county-wide admin of X's
//                    county get it; staff of another body or county a 404 (its existence is not
//                    confirmed)
//          countyX — something of X's county: every staff member of the county; another county 404
//   except outcomes that differ from the derived ones, each with the reason (lifecycle rules etc.)
import type { StaffRole } from '../../server/src/auth/actor';
import type { Role } from './world';

/** 'ok' = 2xx (or 304); a number = that status; 'NNN:CODE' = that status with that error code. */
export type Outcome = 'ok' | 401 | 403 | 404 | `${number}:${string}`;

export interface Expectation {
  who: 'public' | 'signedIn' | 'citizen' | 'staff' | readonly StaffRole[];
  scope: 'none' | 'ownerA' | 'bodyX' | 'countyX';
  except?: Partial<Record<Role, Outcome>>;
}

const CLERK_ONLY_LIFECYCLE: Partial<Record<Role, Outcome>> = {
  // The lifecycle (shared/src/lifecycle/table.ts): only a clerk confirms receipt / registers (Art. 31).
  handlerX: '403:ACTION_REFUSED',
  reviewerX: '403:ACTION_REFUSED',
  adminX: '403:ACTION_REFUSED',
  countyAdmin: '403:ACTION_REFUSED',
};

/** Drafts (unpublished reports) are visible to staff of the body only; everyone else: 404 as if unpublished. */
export const DRAFT_ONLY: Partial<Record<Role, Outcome>> = {
  anonymous: '404:REPORT_NOT_PUBLISHED',
  citizenA: '404:REPORT_NOT_PUBLISHED',
  citizenB: '404:REPORT_NOT_PUBLISHED',
  staffY: '404:REPORT_NOT_PUBLISHED',
  foreignAdmin: '404:REPORT_NOT_PUBLISHED',
};

export const EXPECTATIONS: Record<string, Expectation> = {
  'GET /api/health': { who: 'public', scope: 'none' },
  'POST /api/auth/wechat': { who: 'public', scope: 'none' },
  'POST /api/auth/dev-citizen': { who: 'public', scope: 'none' },
  'POST /api/auth/staff': { who: 'public', scope: 'none' },
  'POST /api/auth/refresh': { who: 'public', scope: 'none' },
  'POST /api/auth/logout': { who: 'public', scope: 'none' },
  'GET /api/me': { who: 'signedIn', scope: 'none' },
  'GET /api/openapi.json': { who: 'public', scope: 'none' },
  'GET /api/docs': { who: 'public', scope: 'none' },

  'GET /api/notifications': { who: 'signedIn', scope: 'none' },
  'POST /api/notifications/read-all': { who: 'signedIn', scope: 'none' },
  'POST /api/notifications/:id/read': { who: 'signedIn', scope: 'ownerA' },
  'POST /api/notifications/consent': { who: 'citizen', scope: 'none' },
  'GET /api/notifications/templates': { who: 'public', scope: 'none' },
  'POST /api/stream/ticket': { who: 'signedIn', scope: 'none' },
  // Declared public because EventSource cannot send headers (a ticket in the query does it),
  // but without a ticket or a token nobody gets a stream.
  'GET /api/stream': { who: 'signedIn', scope: 'none' },
  'GET /api/bodies': { who: 'public', scope: 'none' },

  'GET /api/media/accounts': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/accounts': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'GET /api/media/accounts/changes': { who: 'staff', scope: 'bodyX' },
  'GET /api/media/accounts/:id': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/accounts/:id/events': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'PUT /api/media/accounts/:id/credentials': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'GET /api/media/items': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/items': { who: 'staff', scope: 'bodyX' },
  'GET /api/media/items/:id': { who: 'staff', scope: 'bodyX' },
  'PUT /api/media/items/:id': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/items/:id/reviews': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/items/:id/publish': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'POST /api/media/items/:id/abolition': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'GET /api/media/items/:id/deliveries': { who: 'staff', scope: 'bodyX' },
  'POST /api/media/deliveries/:id/retry': { who: ['clerk', 'reviewer', 'admin'], scope: 'bodyX' },
  'GET /api/media/counts': { who: 'staff', scope: 'bodyX' },
  'GET /feeds/:bodyId/:file': { who: 'public', scope: 'none' },
  'GET /public/items/:id': { who: 'public', scope: 'none' },

  'POST /api/requests': { who: 'citizen', scope: 'none' },
  'GET /api/requests': { who: 'citizen', scope: 'none' },
  'GET /api/requests/:id': { who: 'citizen', scope: 'ownerA' },
  'POST /api/requests/:id/correction': { who: 'citizen', scope: 'ownerA' },
  'POST /api/requests/:id/withdraw': { who: 'citizen', scope: 'ownerA' },
  'POST /api/requests/:id/messages': { who: 'citizen', scope: 'ownerA' },
  'POST /api/requests/:id/attachments': { who: 'citizen', scope: 'ownerA' },
  'GET /api/requests/:id/attachments/:attachmentId': { who: 'citizen', scope: 'ownerA' },
  'POST /api/requests/:id/read': { who: 'citizen', scope: 'ownerA' },

  'GET /api/staff/requests': { who: 'staff', scope: 'none' },
  'POST /api/staff/requests': {
    who: 'staff',
    scope: 'bodyX',
    // Registering into another body's register is refused as a field error of bodyId.
    except: { ...CLERK_ONLY_LIFECYCLE, staffY: '400:VALIDATION_FAILED', foreignAdmin: '400:VALIDATION_FAILED' },
  },
  'GET /api/staff/requests/:id': { who: 'staff', scope: 'bodyX' },
  // The full identity: the people who work with the applicant (not an admin), audited.
  'GET /api/staff/requests/:id/identity': { who: ['clerk', 'handler', 'reviewer'], scope: 'bodyX' },
  'POST /api/staff/requests/:id/actions': { who: 'staff', scope: 'bodyX', except: CLERK_ONLY_LIFECYCLE },
  'POST /api/staff/requests/:id/messages': { who: 'staff', scope: 'bodyX' },
  'POST /api/staff/requests/:id/attachments': { who: 'staff', scope: 'bodyX' },
  'GET /api/staff/requests/:id/attachments/:attachmentId': { who: 'staff', scope: 'bodyX' },
  'POST /api/staff/requests/:id/read': { who: 'staff', scope: 'bodyX' },
  'GET /api/lookup': { who: 'public', scope: 'none' },
  'GET /api/staff/supervision': { who: ['reviewer', 'admin'], scope: 'none' },
  'GET /api/staff/assignees': { who: 'staff', scope: 'bodyX' },
  'GET /api/staff/requests/:id/fee-basis': { who: 'staff', scope: 'bodyX' },

  'GET /api/reports/county/:county': { who: 'staff', scope: 'countyX' },
  'GET /api/reports/:body/:year.txt': { who: 'public', scope: 'none' },
  'GET /api/reports/:body/:year.md': { who: 'public', scope: 'none' },
  'GET /api/reports/:body/:year.html': { who: 'public', scope: 'none' },
  'GET /api/reports/:body/:year.docx': { who: 'public', scope: 'none' },
  'GET /api/reports/:body/:year': { who: 'public', scope: 'none' },
  'GET /api/reports/:body/:year/inputs': { who: 'staff', scope: 'bodyX' },
  'PUT /api/reports/:body/:year/inputs': { who: 'staff', scope: 'bodyX' },
  'POST /api/reports/:body/:year/publish': { who: ['reviewer', 'admin'], scope: 'bodyX' },
  'POST /api/reports/:body/import': { who: ['reviewer', 'admin'], scope: 'bodyX' },
  'GET /api/cards/:body/:year/:size.png': { who: 'public', scope: 'none' },
  'GET /api/cards/:body/:year/:size.svg': { who: 'public', scope: 'none' },
  'GET /share/:body/:year': { who: 'public', scope: 'none' },

  'GET /api/calendar': { who: 'public', scope: 'none' },
  // One calendar per deployment: only a county-wide admin changes it, a body's admin is refused.
  'PUT /api/staff/calendar/overrides/:date': { who: ['admin'], scope: 'none', except: { adminX: '403:COUNTY_ADMIN_ONLY' } },
  'DELETE /api/staff/calendar/overrides/:date': { who: ['admin'], scope: 'none', except: { adminX: '403:COUNTY_ADMIN_ONLY' } },
  'POST /api/staff/calendar/notice': { who: ['admin'], scope: 'none', except: { adminX: '403:COUNTY_ADMIN_ONLY' } },
};

const CITIZENS: ReadonlyArray<Role> = ['citizenA', 'citizenB'];
const SEES_X: ReadonlyArray<Role> = ['clerkX', 'handlerX', 'reviewerX', 'adminX', 'countyAdmin'];
const IN_COUNTY_X: ReadonlyArray<Role> = [...SEES_X, 'staffY'];
const STAFF_ROLE: Partial<Record<Role, StaffRole>> = { clerkX: 'clerk', handlerX: 'handler', reviewerX: 'reviewer', adminX: 'admin', staffY: 'clerk', countyAdmin: 'admin', foreignAdmin: 'admin' };

/** The answer `role` should get, derived from the policy. */
export function expectedOutcome(e: Expectation, role: Role): Outcome {
  const exception = e.except?.[role];
  if (exception !== undefined) return exception;
  if (e.who === 'public') return 'ok';
  if (role === 'anonymous') return 401;
  const isCitizen = CITIZENS.includes(role);
  if (e.who === 'citizen' && !isCitizen) return 403;
  if ((e.who === 'staff' || Array.isArray(e.who)) && isCitizen) return 403;
  if (Array.isArray(e.who) && !e.who.includes(STAFF_ROLE[role]!)) return 403;
  switch (e.scope) {
    case 'none':
      return 'ok';
    case 'ownerA':
      return role === 'citizenA' ? 'ok' : 404;
    case 'bodyX':
      return SEES_X.includes(role) ? 'ok' : 404;
    case 'countyX':
      return IN_COUNTY_X.includes(role) ? 'ok' : 404;
  }
}

export function outcomeMatches(expected: Outcome, status: number, code: string | undefined): boolean {
  if (expected === 'ok') return (status >= 200 && status < 300) || status === 304;
  if (typeof expected === 'number') return status === expected;
  const [s, c] = expected.split(':');
  return status === Number(s) && code === c;
}
