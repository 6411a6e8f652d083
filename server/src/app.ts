// createApp(deps): the Koa application — middleware order matters:
// request id + access log → errors → security headers → H5 static → body → routes.
import './context';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { authenticate } from './auth/middleware';
import { CONNECT_OPTIONS } from './db/connection';
import { bodyParserError, errorHandler } from './middleware/errorHandler';
import { outageDeadline } from './middleware/outageDeadline';
import { requestContext } from './middleware/requestContext';
import { securityHeaders } from './middleware/securityHeaders';
import { staticH5 } from './middleware/staticH5';
import { attachRouteTable } from './openapi/registry';
import { configurePii } from './pii';
import { routeFactories, type AppDeps, type RouteFactory } from './routes';

export type { AppDeps, RouteFactory };

export const DEFAULT_H5_DIR = resolve(__dirname, '../../miniapp/dist/h5');
export const JSON_LIMIT = '1mb';

export interface CreateAppOptions {
  /** Folder of the H5 build served at /app/ (default miniapp/dist/h5). */
  h5Dir?: string;
  /** Replaces the registry (tests of a single router). */
  routes?: RouteFactory[];
}

export function createApp(deps: AppDeps, options: CreateAppOptions = {}): Koa {
  configurePii(deps.config.piiKey);
  // Production runs behind one reverse proxy (docs/DEPLOYMENT.md): the client's address is the
  // LAST entry of X-Forwarded-For, the one the proxy added; earlier entries are whatever the
  // client sent and must not choose the key of the per-address limits.
  const app = new Koa({ proxy: deps.config.nodeEnv === 'production', maxIpsCount: 1 });
  // Errors are answered by errorHandler; this only sees failures after the response
  // started (e.g. a stream that broke mid-way).
  app.silent = true;
  app.on('error', (err: unknown) => deps.logger.error({ err }, 'error after response started'));

  app.use(requestContext(deps.logger));
  app.use(errorHandler());
  app.use(securityHeaders({ https: deps.config.publicBaseUrl.startsWith('https:') }));
  const h5Dir = options.h5Dir ?? DEFAULT_H5_DIR;
  app.use(staticH5(h5Dir));
  // A request waits out at most one server selection once the database is known gone.
  app.use(outageDeadline(CONNECT_OPTIONS.serverSelectionTimeoutMS!));
  // Who is asking (ctx.state.actor); a bad or expired token is a 401 before the body is read.
  app.use(authenticate(deps.config));
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: JSON_LIMIT,
      encoding: 'utf-8',
      onError: (err) => {
        throw bodyParserError(err);
      },
    }),
  );

  const routers = (options.routes ?? routeFactories).map((factory) => factory(deps));
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  // The route table (OpenAPI document, authorisation matrix): see openapi/registry.ts.
  attachRouteTable(app, routers);
  if (!existsSync(h5Dir)) deps.logger.debug({ h5Dir }, 'no H5 build; /app/ is not served');
  return app;
}
