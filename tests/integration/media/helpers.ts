// Shared pieces of the media tests: staff actors, an approved item, accounts wired to the
// simulators, an in-process outbox worker, waiting for deliveries.
import type { StaffActor, StaffRole } from '../../../server/src/auth/actor';
import { createJobStore, JobRunner, type JobStore } from '../../../server/src/jobs';
import { silentLogger } from '../../../server/src/log';
import { createAccount } from '../../../server/src/media/commands/accounts';
import { createItem, type ItemContent } from '../../../server/src/media/commands/items';
import { reviewItem } from '../../../server/src/media/commands/review';
import { publishItem } from '../../../server/src/media/commands/publish';
import type { MediaAccountDoc } from '../../../server/src/media/models/account';
import type { ContentItemDoc } from '../../../server/src/media/models/content-item';
import type { DeliveryDoc } from '../../../server/src/media/models/delivery';
import { loadDeliveries } from '../../../server/src/media/outbox/delivery-store';
import { registerOutbox } from '../../../server/src/media/outbox/worker';
import type { MediaSettings } from '../../../server/src/media/settings';
import { WECHAT_SIM_APP, WEIBO_SIM_TOKEN } from '../../simulators';

export const BODY = 'pingwu-gov-office';
export const SITE = 'https://www.pingwu.gov.cn';
export const HOOK_SECRET = 'media-hook-secret-0001';

export const staff = (staffId: string, role: StaffRole = 'clerk', bodyId = BODY): StaffActor => ({ kind: 'staff', staffId, role, bodyId, countyWide: false, county: 'pingwu' });
export const editor = staff('editor-1');
export const firstReviewer = staff('reviewer-a');
export const secondReviewer = staff('reviewer-b');
export const finalReviewer = staff('head-c', 'reviewer');
export const secrecyOfficer = staff('secrecy-d');

export function content(n: number, extra: Partial<ItemContent> = {}): ItemContent {
  return {
    category: 'news',
    title: `平武县第${n}条政务动态：“春耕”进行时 & <重点>`,
    bodyHtml: `<p>第${n}条：全县春耕备耕有序推进。</p><script>alert(1)</script>`,
    origin: 'original',
    ...extra,
  };
}

/** Created and signed 初审 → 复审 → 终审 + 保密审查. */
export async function approvedItem(n: number, extra: Partial<ItemContent> = {}): Promise<ContentItemDoc> {
  let item = await createItem(editor, content(n, extra));
  for (const [actor, step] of [
    [firstReviewer, 'first_review'],
    [secondReviewer, 'second_review'],
    [finalReviewer, 'final_review'],
    [secrecyOfficer, 'secrecy_check'],
  ] as const) {
    item = await reviewItem(actor, item._id, { version: item.version, step });
  }
  return item;
}

export interface SimUrls {
  wechat: string;
  weibo: string;
  webhook: string;
}

export async function simAccounts(urls: SimUrls): Promise<{ wechat: MediaAccountDoc; weibo: MediaAccountDoc; site: MediaAccountDoc }> {
  const wechat = await createAccount(editor, { platform: 'wechat_oa', name: '平武发布', openedOn: '2016-05-01', filedOn: '2016-05-10', credentials: { appId: WECHAT_SIM_APP.appId, appSecret: WECHAT_SIM_APP.appSecret } });
  const weibo = await createAccount(editor, { platform: 'weibo', name: '平武发布', openedOn: '2014-03-01', credentials: { accessToken: WEIBO_SIM_TOKEN } });
  const site = await createAccount(editor, { platform: 'website', name: '平武县人民政府网', openedOn: '2010-01-01', credentials: { webhookUrl: urls.webhook, webhookSecret: HOOK_SECRET } });
  return { wechat, weibo, site };
}

export function settingsFor(urls: SimUrls, overrides: Partial<MediaSettings> = {}): MediaSettings {
  return { siteBaseUrl: SITE, wechatApiBase: urls.wechat, weiboApiBase: urls.weibo, webhookUrl: undefined, webhookSecret: undefined, platformTimeoutMs: 400, wechatPollMs: 20, ...overrides };
}

export interface InProcessWorker {
  jobs: JobStore;
  runner: JobRunner;
  stop(): Promise<void>;
}

export function startWorker(settings: MediaSettings, options: { leaseMs?: number; concurrency?: number } = {}): InProcessWorker {
  const jobs = createJobStore({ backoffMs: 30, maxBackoffMs: 300 });
  const runner = new JobRunner({ store: jobs, logger: silentLogger, pollMs: 30, leaseMs: options.leaseMs ?? 3000, concurrency: options.concurrency ?? 6 });
  registerOutbox({ runner, jobs, settings, logger: silentLogger });
  runner.start();
  return { jobs, runner, stop: () => runner.stop(2000) };
}

export async function publish(jobs: JobStore, item: ContentItemDoc, accountIds: string[], runner?: JobRunner): Promise<ContentItemDoc> {
  return publishItem({ jobs, settings: { webhookUrl: undefined, webhookSecret: undefined }, ...(runner ? { wake: () => runner.wake() } : {}) }, editor, item._id, { version: item.version, accountIds });
}

/** Waits until every delivery of these ids is done or failed. */
export async function settled(ids: string[], timeoutMs = 30_000): Promise<DeliveryDoc[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const docs = await loadDeliveries(ids);
    if (docs.length === ids.length && docs.every((d) => d.status === 'done' || d.status === 'failed')) return docs;
    if (Date.now() > deadline) {
      const open = docs.filter((d) => d.status !== 'done' && d.status !== 'failed').map((d) => `${d._id} ${d.status} ${d.lastError?.message ?? ''}`);
      throw new Error(`deliveries not settled after ${timeoutMs} ms (${docs.length}/${ids.length} exist):\n${open.slice(0, 10).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many times each value occurs. */
export function tally(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
