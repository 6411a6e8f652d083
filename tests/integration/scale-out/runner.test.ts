// Issue 10 acceptance: "two instances running the reminder scheduler and the publisher: every
// reminder and every post happens exactly once; killing one instance mid-run hands its leases to
// the other after expiry, still exactly once" — and the same with one instance and no Redis,
// killed mid-run and started again.
//
// The work is put into the shared database by this process (requests with due reminders; items
// published to a WeChat official account, a Weibo account and a website webhook, all simulators);
// the server instances — real `main.ts` processes with the job runner and the publishing outbox —
// do it. Platforms answer slowly so an instance is killed (SIGKILL) while it holds leases.
import { ContentItem, type ContentItemDoc } from '../../../server/src/media/models/content-item';
import { deliveryId } from '../../../server/src/media/models/delivery';
import { loadDeliveries } from '../../../server/src/media/outbox/delivery-store';
import { itemLink } from '../../../server/src/media/settings';
import { createJobStore, Job, JobArchive } from '../../../server/src/jobs';
import { DELIVERY_JOB_KIND } from '../../../server/src/media/outbox/schedule';
import { readInbox, reminderJobId, REMINDER_KIND } from '../../../server/src/notifications';
import { Staff } from '../../../server/src/models/staff';
import { configurePii } from '../../../server/src/pii';
import { legalDateOf } from '@zwgk/shared';
import mongoose from 'mongoose';
import { CONNECT_OPTIONS } from '../../../server/src/db/connection';
import { testDatabaseUri } from '../../support/db';
import type { ServerProcess } from '../../support/server';
import { startWebhookReceiver, startWechatSimulator, startWeiboSimulator, type WebhookReceiver, type WechatSimulator, type WeiboSimulator } from '../../simulators';
import { HOOK_SECRET, publish, simAccounts, SITE, tally } from '../media/helpers';
import { citizenActor, clerkActor, Story } from '../notifications/fixtures';
import { describeLayout, Instances, LAYOUTS, PII_KEY, redisAvailable, sleep, tag, until, type Layout } from './support';

jest.setTimeout(120_000);

const redisUp = redisAvailable();
const ITEMS = 10;
const REQUESTS = 4;
const LEASE_MS = 2000;

describe.each(LAYOUTS)('$title', (layout: Layout) => {
  describeLayout(layout, redisUp)('reminders and posts, each exactly once', () => {
    const uri = testDatabaseUri(`runner_${layout.name}`);
    const body = `scale-body-${tag()}`;
    const clerks = [`scale-clerk-${tag()}`, `scale-clerk-${tag()}`];
    let wechat: WechatSimulator;
    let weibo: WeiboSimulator;
    let hook: WebhookReceiver;
    const instances = new Instances(() => ({
      MONGODB_URI: uri,
      ...layout.env,
      WECHAT_API_BASE: wechat.url,
      WEIBO_API_BASE: weibo.url,
      MEDIA_SITE_BASE_URL: SITE,
      MEDIA_WORKER_ENABLED: '1',
      MEDIA_PLATFORM_TIMEOUT_MS: '5000',
      MEDIA_WECHAT_POLL_MS: '50',
      JOBS_ENABLED: '1',
      JOBS_POLL_MS: '100',
      JOBS_LEASE_MS: String(LEASE_MS),
      JOBS_RETRY_MS: '300',
    }));

    beforeAll(async () => {
      configurePii(PII_KEY);
      await mongoose.connect(uri, CONNECT_OPTIONS);
      [wechat, weibo, hook] = await Promise.all([startWechatSimulator(), startWeiboSimulator(), startWebhookReceiver({ secret: HOOK_SECRET })]);
      for (const id of clerks) {
        await Staff.updateOne({ _id: id }, { $set: { username: id, passwordHash: 'x', name: id, role: 'clerk', bodyId: body, county: 'pingwu', countyWide: false, active: true } }, { upsert: true });
      }
    });
    afterAll(async () => {
      await instances.stopAll();
      await Promise.all([wechat, weibo, hook].map((s) => s?.close()));
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    });

    /** A request of `body` confirmed 60 days ago: its reminders are all due; scheduled as the notifier does. */
    async function requestWithDueReminders(id: string): Promise<string[]> {
      const on = legalDateOf(new Date(Date.now() - 60 * 86_400_000));
      const story = new Story(id, null);
      story.request = { ...story.request, bodyId: body };
      story.apply({ type: 'submit', on, actor: citizenActor('nobody'), channel: 'online' });
      const confirm = story.apply({ type: 'confirm_receipt', on, actor: clerkActor });
      await story.store();
      const store = createJobStore();
      const ids: string[] = [];
      for (const e of confirm.effects) {
        if (e.type !== 'schedule_reminder') continue;
        const jobId = reminderJobId(id, e.kind, e.on);
        await store.schedule({ id: jobId, kind: REMINDER_KIND, payload: { requestId: id, kind: e.kind, on: e.on }, group: `reminders:${id}`, tag: e.kind });
        ids.push(jobId);
      }
      return ids;
    }

    /** Approved items (four signatures each; the review workflow has its own tests). */
    async function approvedItems(prefix: string): Promise<ContentItemDoc[]> {
      const now = new Date();
      const sig = (step: string, staffId: string) => ({ step, staffId, at: now.toISOString(), revision: 1 });
      const docs = Array.from({ length: ITEMS }, (_, i) => ({
        _id: `${prefix}-${String(i + 1).padStart(3, "0")}`, // no id is a prefix of another (links are matched in post texts)
        bodyId: 'pingwu-gov-office',
        category: 'news',
        title: `扩容测试第${i + 1}条：平武县政务动态`,
        bodyHtml: `<p>第${i + 1}条内容。</p>`,
        attachments: [],
        origin: 'original',
        revision: 1,
        reviews: [sig('first_review', 'a'), sig('second_review', 'b'), sig('final_review', 'c'), sig('secrecy_check', 'd')],
        status: 'draft',
        demo: false,
        createdBy: { staffId: 'editor-1' },
        version: 0,
        createdAt: now,
        updatedAt: now,
      }));
      await ContentItem.collection.insertMany(docs as never[]);
      return (await ContentItem.find({ _id: { $in: docs.map((d) => d._id) } }).lean()) as ContentItemDoc[];
    }

    it(`${REQUESTS} requests' reminders and ${ITEMS} items × 3 accounts; one instance killed mid-run`, async () => {
      // Platforms answer slowly, so deliveries are in flight when the instance dies. (One outbox job
      // carries an item's three deliveries side by side: the delays must outlast the job's own
      // bookkeeping, or a kill can land while every held job is already being archived.)
      wechat.faults.add({ path: '/cgi-bin/draft/add', kind: 'delay', delayMs: 900, times: 'always' });
      weibo.faults.add({ path: '/2/statuses/share.json', kind: 'delay', delayMs: 1000, times: 'always' });
      hook.faults.add({ path: '/webhook', kind: 'delay', delayMs: 900, times: 'always' });

      const first = instances.start();
      const second: ServerProcess | undefined = layout.instances === 2 ? instances.start() : undefined;
      await Promise.all([first.listening, second?.listening]);

      const reminders: string[] = [];
      for (let i = 0; i < REQUESTS; i++) reminders.push(...(await requestWithDueReminders(`req-scale-${i}-${tag()}`)));
      const accounts = await simAccounts({ wechat: wechat.url, weibo: weibo.url, webhook: hook.url });
      const accountIds = [accounts.wechat._id, accounts.weibo._id, accounts.site._id];
      const jobs = createJobStore();
      const items = await approvedItems(`scale-${layout.name}-${tag()}`);
      for (const item of items) await publish(jobs, item, accountIds);
      const deliveries = items.flatMap((item) => accountIds.map((a) => deliveryId(item._id, a)));

      // Kill the first instance while it holds leases on deliveries in flight.
      const pid = first.child.pid!;
      const ownedByFirst = { leaseOwner: { $regex: `:${pid}:` }, status: 'running' as const };
      await until(async () => (await Job.countDocuments({ kind: DELIVERY_JOB_KIND, ...ownedByFirst })) > 0, 30_000, 'the first instance delivering');
      await first.stop('SIGKILL');
      const killedAt = Date.now();
      // Its leases as it left them: nobody extends them any more.
      const orphaned = await Job.find(ownedByFirst).lean();
      expect(orphaned.length).toBeGreaterThan(0);

      // One layout has a second instance already running; the other starts the instance again.
      if (!second) await instances.start().listening;

      try {
        await until(
          async () => {
            const docs = await loadDeliveries(deliveries);
            const archived = await JobArchive.countDocuments({ _id: { $in: reminders } });
            // A job the killed instance archived just before it died stays until its lease expires
            // and another instance removes the leftover.
            const leftovers = await Job.countDocuments({ _id: { $in: orphaned.map((j) => j._id) } });
            return docs.length === deliveries.length && docs.every((d) => d.status === 'done' || d.status === 'failed') && archived === reminders.length && leftovers === 0;
          },
          60_000,
          'every delivery and reminder finished, no orphaned lease left',
        );
      } catch (err) {
        console.log(instances.allProblems(), '\nopen jobs:', JSON.stringify(await Job.find({}).lean()));
        throw err;
      }
      console.log(`[${layout.name}] all done ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${orphaned.length} leases held by the killed instance`);
      for (const sim of [wechat, weibo, hook]) sim.faults.clear();
      await sleep(500); // a slow call of the killed instance may still land at a simulator

      // Every post exactly once on every platform, each delivery done.
      const settled = await loadDeliveries(deliveries);
      expect(settled.filter((d) => d.status !== 'done').map((d) => `${d._id}: ${d.status} ${d.failure?.reason ?? ''}`)).toEqual([]);
      const links = items.map((i) => itemLink({ siteBaseUrl: SITE }, i._id));
      const submitted = tally(wechat.state.publishes.map((p) => p.articles[0]!.content_source_url ?? ''));
      const published = tally(wechat.state.published.map((p) => p.contentSourceUrl ?? ''));
      const posted = tally(weibo.state.statuses.flatMap((s) => links.filter((l) => s.text.includes(l))));
      const hooked = tally(hook.state.deliveries.map((d) => (d.payload as { item: { link: string } }).item.link));
      for (const link of links) expect([link, submitted.get(link), published.get(link), posted.get(link), hooked.get(link)]).toEqual([link, 1, 1, 1, 1]);

      // Every reminder done once: archived as done, one notice per reminder in each clerk's inbox.
      for (const id of reminders) {
        const doc = await JobArchive.findById(id).lean();
        expect([id, doc?.status, doc?.lastError ?? null]).toEqual([id, 'done', null]);
      }
      for (const clerk of clerks) {
        const notices = (await readInbox({ kind: 'staff', id: clerk })).items.filter((n) => reminders.some((r) => n.id.startsWith(r)));
        expect(notices).toHaveLength(reminders.length);
      }

      // The killed instance's leases went to the surviving (or restarted) instance only after they
      // expired. (A job the killed instance had already archived when it died — attempts 1 — is
      // finished; the survivor only removes its leftover.)
      let takenOver = 0;
      for (const job of orphaned) {
        const done = await JobArchive.findById(job._id).lean();
        expect([job._id, done?.status, await Job.exists({ _id: job._id })]).toEqual([job._id, 'done', null]);
        if (done!.attempts < 2) continue;
        takenOver++;
        expect(new Date(done!.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(job.leaseUntil!).getTime());
      }
      expect(takenOver).toBeGreaterThan(0);
    });
  });
});
