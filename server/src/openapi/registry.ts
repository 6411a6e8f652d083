// The route table: every route declared with defineRoute, read back from the app's routers.
// Definitions are attached to the route's final middleware function (not kept in a module
// list), so several apps in one process (tests) each see exactly their own routes, and a
// router prefix or nesting is reflected in the real path of the layer.
//
//   routeTable(app)        declared routes with their real paths (OpenAPI, authorisation matrix)
//   undeclaredRoutes(app)  routes registered on a router without defineRoute (should be none)
import type Router from '@koa/router';
import type Koa from 'koa';
import type { Middleware } from 'koa';
import type { z } from 'zod';
import type { StaffRole } from '../auth/actor';

/** Who may call a route (before any per-resource check). */
export type RouteAuth = 'public' | 'signedIn' | 'citizen' | 'staff' | readonly StaffRole[];

export interface RouteDefinition {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as registered (koa-router syntax, ':id'), including any router prefix. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  auth: RouteAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyContentType: 'application/json' | 'multipart/form-data';
  response?: z.ZodType;
  responseContentType?: string;
  status: number;
  errors: number[];
  middleware: Middleware[];
}

const definitions = new WeakMap<Function, RouteDefinition>();
const appRouters = new WeakMap<Koa, Router[]>();

export function recordRoute(handler: Function, definition: RouteDefinition): void {
  definitions.set(handler, definition);
}

/** Called by createApp with the routers it mounted. */
export function attachRouteTable(app: Koa, routers: Router[]): void {
  appRouters.set(app, [...(appRouters.get(app) ?? []), ...routers]);
}

interface LayerLike {
  methods: string[];
  path: string | RegExp;
  stack: Function[];
}

function layersOf(app: Koa): LayerLike[] {
  return (appRouters.get(app) ?? []).flatMap((router) => router.stack as unknown as LayerLike[]).filter((layer) => layer.methods.length > 0);
}

export function routeTable(app: Koa): RouteDefinition[] {
  const table: RouteDefinition[] = [];
  for (const layer of layersOf(app)) {
    const definition = definitions.get(layer.stack[layer.stack.length - 1]!);
    if (definition) table.push({ ...definition, path: typeof layer.path === 'string' ? layer.path : definition.path });
  }
  return table;
}

export function undeclaredRoutes(app: Koa): Array<{ methods: string[]; path: string }> {
  return layersOf(app)
    .filter((layer) => !definitions.has(layer.stack[layer.stack.length - 1]!))
    .map((layer) => ({ methods: layer.methods.filter((m) => m !== 'HEAD'), path: String(layer.path) }));
}

/** Marks a middleware so the OpenAPI document can list what it implies (e.g. 429 for rate limits). */
export const MIDDLEWARE_DOC = Symbol('zwgk.middlewareDoc');
export interface MiddlewareDoc {
  /** Extra error statuses this middleware can answer. */
  errors?: number[];
  /** Appended to the operation description. */
  note?: string;
}
export function documentMiddleware<M extends Middleware>(middleware: M, doc: MiddlewareDoc): M {
  (middleware as unknown as Record<symbol, MiddlewareDoc>)[MIDDLEWARE_DOC] = doc;
  return middleware;
}
export function middlewareDoc(middleware: Middleware): MiddlewareDoc | undefined {
  return (middleware as unknown as Record<symbol, MiddlewareDoc | undefined>)[MIDDLEWARE_DOC];
}
