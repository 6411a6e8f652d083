// defineRoute: the one way to declare an API route. It registers the route on a @koa/router,
// applies the auth guard, validates params/query/body with zod, and records the route in the
// route table from which /api/openapi.json and the security suite's authorisation matrix are
// generated — so what is documented is exactly what is validated and guarded.
//
//   import { defineRoute } from '../../openapi/defineRoute';
//   defineRoute(router, {
//     method: 'post',                       // 'get' | 'post' | 'put' | 'patch' | 'delete'
//     path: '/api/requests/:id/messages',   // koa-router syntax (':id'); documented as {id}
//     summary: '申请人发送留言',
//     tags: ['requests'],                   // optional, groups the docs page
//     auth: 'citizen',                      // 'public' | 'signedIn' | 'citizen' | 'staff' | ['clerk', 'handler']
//     params: z.strictObject({ id: z.string() }),
//     query: z.strictObject({ limit: z.coerce.number().int().max(100).optional() }),  // strings in → coerce
//     body: z.strictObject({ text: z.string().min(1).max(2000) }),  // z.strictObject (or a union of them): unknown fields → 400
//     response: messageItemSchema,          // zod schema of the success body (from @zwgk/shared)
//     status: 201,                          // success status (default 200; 204 sends no body)
//     middleware: [rateLimit({ ... })],     // optional, run after the guard and before validation
//     handler: async (ctx, { params, query, body, actor }) => { ...; return view; },
//   });
//
// - The guard: 'public' lets anyone in (actor may be anonymous); 'signedIn' any citizen or
//   staff; 'citizen'; 'staff' (any role) or a list of staff roles. 401 when anonymous, 403 for
//   the wrong kind/role. Which request or body the actor may touch is the handler's business
//   (answer 404 for a request that is not theirs).
// - `actor` in the handler is typed by `auth` (CitizenActor for 'citizen', StaffActor for staff).
// - The handler's return value becomes the JSON body with `status`; return undefined after
//   setting ctx.body yourself (streams, files, SSE).
// - No `body` schema on a POST/PUT/PATCH/DELETE means the route takes no body: a non-empty JSON
//   body is refused (400). For multipart uploads set `bodyContentType: 'multipart/form-data'`
//   (then the body is not checked by defineRoute; `body` only documents the form fields) and put
//   the multipart parser in `middleware`.
// - `responseContentType` documents a non-JSON success (e.g. 'text/event-stream', 'image/png').
// - A JSON answer must be declared: a route with neither `response`, `status: 204` nor
//   `responseContentType` is refused when defined. Outside production every JSON body a handler
//   produces is checked against `response`, strictly (an undocumented field too): a mismatch is a
//   500 RESPONSE_NOT_IN_CONTRACT with the issues, so any test that calls the route fails. The
//   type checker already holds handlers to the schema's type; this catches what types cannot
//   (extra fields of a spread, values outside an enum, a `ctx.body` set by hand).
// - Routes registered on a router without defineRoute still work but show up in
//   undeclaredRoutes(app) (openapi/registry.ts), which a test requires to be empty.
import type Router from '@koa/router';
import type { Middleware, ParameterizedContext } from 'koa';
import { z } from 'zod';
import type { Actor, CitizenActor, StaffActor, StaffRole } from '../auth/actor';
import { actorOf, assertCitizen, assertSignedIn, assertStaff } from '../auth/middleware';
import { AppError, badRequest } from '../errors';
import { deepStrict } from '../lib/strict-schema';
import { parseRouteInput as parseInput } from './messages';
import { recordRoute, type RouteAuth, type RouteDefinition } from './registry';

export type { RouteAuth } from './registry';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;
type ResponseOf<S extends Schema> = S extends z.ZodType ? z.input<S> : unknown;

/** The actor a handler sees, narrowed by the route's guard. */
export type ActorFor<A extends RouteAuth> = A extends 'citizen'
  ? CitizenActor
  : A extends 'staff' | readonly StaffRole[]
    ? StaffActor
    : A extends 'signedIn'
      ? CitizenActor | StaffActor
      : Actor;

export interface RouteInput<A extends RouteAuth, P extends Schema, Q extends Schema, B extends Schema> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  actor: ActorFor<A>;
}

export interface RouteSpec<A extends RouteAuth, P extends Schema, Q extends Schema, B extends Schema, R extends Schema> {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Explicit operationId; default derived from method and path. */
  operationId?: string;
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  bodyContentType?: 'application/json' | 'multipart/form-data';
  response?: R;
  responseContentType?: string;
  status?: number;
  /** Extra documented error statuses besides those implied (400 input, 401/403 guard, 429 rate limit). */
  errors?: number[];
  middleware?: Middleware[];
  handler: (ctx: ParameterizedContext, input: RouteInput<A, P, Q, B>) => Promise<ResponseOf<R> | undefined | void> | ResponseOf<R> | undefined | void;
}

const BODY_METHODS = new Set<HttpMethod>(['post', 'put', 'patch', 'delete']);

function guardFor(auth: RouteAuth): (actor: Actor) => void {
  if (auth === 'public') return () => undefined;
  if (auth === 'signedIn') return (actor) => assertSignedIn(actor);
  if (auth === 'citizen') return (actor) => assertCitizen(actor);
  if (auth === 'staff') return (actor) => assertStaff(actor);
  const roles = [...auth];
  return (actor) => assertStaff(actor, roles);
}

type DefLike = { type?: string; catchall?: { _zod?: { def?: DefLike } }; options?: z.ZodType[]; in?: z.ZodType; innerType?: z.ZodType };

/** Objects must be strict; a union is strict when each option is (pipes/optionals: their input). */
function isStrictObject(schema: z.ZodType): boolean {
  const def = (schema as { _zod?: { def?: DefLike } })._zod?.def;
  if (!def) return true;
  if (def.type === 'object') return def.catchall?._zod?.def?.type === 'never';
  if (def.type === 'union') return (def.options ?? []).every(isStrictObject);
  if (def.type === 'pipe' && def.in) return isStrictObject(def.in);
  if (def.innerType) return isStrictObject(def.innerType);
  return true;
}

/**
 * Whether answers are checked against their schema: everywhere but production, where a mismatch
 * must not turn a working answer into a 500 (and the check costs time on every call).
 */
const CHECK_RESPONSES = process.env.NODE_ENV !== 'production';

/** A body that goes out as JSON (not a stream, buffer or text). */
function isJsonBody(body: unknown): boolean {
  if (Array.isArray(body)) return true;
  return typeof body === 'object' && body !== null && Object.getPrototypeOf(body) === Object.prototype;
}

/** Checks an answer as the client receives it (JSON: dates as strings, undefined fields dropped). */
function responseChecker(spec: { method: string; path: string }, schema: z.ZodType): (body: unknown) => void {
  const strict = deepStrict(schema);
  return (body) => {
    const result = strict.safeParse(JSON.parse(JSON.stringify(body)));
    if (result.success) return;
    const issues = result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(500, 'RESPONSE_NOT_IN_CONTRACT', `${spec.method.toUpperCase()} ${spec.path} answered a shape its response schema does not describe`, { issues });
  };
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
}

export function defineRoute<const A extends RouteAuth, P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined, R extends Schema = undefined>(
  router: Router,
  spec: RouteSpec<A, P, Q, B, R>,
): void {
  const multipart = spec.bodyContentType === 'multipart/form-data';
  if (spec.body && !multipart && !isStrictObject(spec.body)) {
    throw new Error(`defineRoute ${spec.method.toUpperCase()} ${spec.path}: the body schema must be z.strictObject (unknown fields → 400)`);
  }
  const status = spec.status ?? 200;
  if (!spec.response && status !== 204 && !spec.responseContentType) {
    throw new Error(`defineRoute ${spec.method.toUpperCase()} ${spec.path}: declare the answer — \`response\` (its zod schema, in @zwgk/shared), \`status: 204\` or \`responseContentType\``);
  }
  const guard = guardFor(spec.auth);
  const checkResponse = CHECK_RESPONSES && spec.response && !spec.responseContentType ? responseChecker(spec, spec.response) : undefined;

  const guardMiddleware: Middleware = async (ctx, next) => {
    guard(actorOf(ctx));
    await next();
  };
  const handle: Middleware = async (ctx) => {
    const params = spec.params ? parseInput(spec.params, ctx.params ?? {}) : undefined;
    const query = spec.query ? parseInput(spec.query, ctx.query) : undefined;
    let body: unknown;
    const rawBody = (ctx.request as { body?: unknown }).body;
    if (spec.body && !multipart) body = parseInput(spec.body, rawBody ?? {});
    else if (!spec.body && !multipart && BODY_METHODS.has(spec.method) && !isEmptyBody(rawBody)) {
      throw badRequest('此接口不接受请求内容', 'UNEXPECTED_BODY');
    }
    const input = { params, query, body, actor: actorOf(ctx) } as RouteInput<A, P, Q, B>;
    const result = await spec.handler(ctx, input);
    const sent: unknown = result !== undefined ? result : ctx.body;
    if (checkResponse && isJsonBody(sent)) checkResponse(sent);
    if (result !== undefined) {
      ctx.status = status;
      ctx.body = result;
    } else if (status === 204) {
      ctx.status = 204;
    } else if (ctx.body === undefined) {
      ctx.status = status;
    }
  };

  const definition: RouteDefinition = {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    auth: spec.auth,
    status,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.operationId ? { operationId: spec.operationId } : {}),
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { query: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    bodyContentType: spec.bodyContentType ?? 'application/json',
    ...(spec.response ? { response: spec.response } : {}),
    ...(spec.responseContentType ? { responseContentType: spec.responseContentType } : {}),
    errors: spec.errors ?? [],
    middleware: spec.middleware ?? [],
  };
  recordRoute(handle, definition);
  router.register(spec.path, [spec.method.toUpperCase()], [guardMiddleware, ...(spec.middleware ?? []), handle]);
}
