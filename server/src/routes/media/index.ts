// New-media channels and proactive disclosure (server/src/media):
//   staff  /api/media/accounts…   registry of 政务新媒体 accounts (accounts.ts)
//   staff  /api/media/items…      content, 三审 + 保密审查, publish, deliveries (items.ts)
//   staff  /api/media/counts      the year's figures for the annual report
//   public /feeds/<body>/rss.xml | atom.xml | feed.json [?category=]   (feeds.ts)
//   public /public/items/<id>     the item on the body's site (public-item.ts)
// It also registers the publishing outbox on this instance's job runner (MEDIA_WORKER_ENABLED).
import Router from '@koa/router';
import { FeedCache } from '../../media/feeds/cache';
import { registerOutbox } from '../../media/outbox/worker';
import { mediaSettings } from '../../media/settings';
import type { RouteFactory } from '../types';
import { accountRoutes } from './accounts';
import { feedRoutes } from './feeds';
import { itemRoutes } from './items';
import { publicItemRoutes } from './public-item';

export const mediaRoutes: RouteFactory = (deps) => {
  const settings = mediaSettings(deps.config);
  if (deps.config.mediaWorkerEnabled) registerOutbox({ runner: deps.jobRunner, jobs: deps.jobs, settings, logger: deps.logger });
  const router = new Router();
  const media = { settings, jobs: deps.jobs, wake: () => deps.jobRunner.wake() };
  accountRoutes(router, media);
  itemRoutes(router, media);
  feedRoutes(router, new FeedCache({ settings, publicBaseUrl: deps.config.publicBaseUrl }));
  publicItemRoutes(router, settings);
  return router;
};

export type { MediaRouteDeps } from './accounts';
