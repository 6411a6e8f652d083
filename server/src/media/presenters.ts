// What leaves the server about media accounts, items and deliveries: ISO dates, labels staff
// read, review progress, and never a credential (only which fields are set).
import { accountStatusLabels, categoryInfo, platformLabels, reviewProgress, reviewStepLabels, type ReviewStep } from '@zwgk/shared';
import { describeCredentials } from './credentials';
import type { MediaAccountDoc } from './models/account';
import type { ContentItemDoc } from './models/content-item';
import type { DeliveryDoc } from './models/delivery';

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : null);

export function accountView(a: MediaAccountDoc) {
  let credentials: Record<string, string> | null;
  try {
    credentials = describeCredentials(a.credentials);
  } catch {
    credentials = { error: '无法解密，请重新填写' };
  }
  return {
    id: a._id,
    bodyId: a.bodyId,
    platform: a.platform,
    platformLabel: platformLabels[a.platform],
    name: a.name,
    handle: a.handle ?? null,
    url: a.url ?? null,
    status: a.status,
    statusLabel: accountStatusLabels[a.status],
    history: a.history.map((e) => ({ action: e.action, on: e.on, filedOn: e.filedOn ?? null, note: e.note ?? null, mergedInto: e.mergedInto ?? null, changes: e.changes ?? null, by: e.by.staffId, at: iso(e.at)! })),
    credentials,
    credentialsUpdatedAt: iso(a.credentialsUpdatedAt),
    demo: a.demo,
    version: a.version,
  };
}

/** draft → in_review → approved → scheduled / published (derived; only draft/published are stored). */
export function itemPhase(i: Pick<ContentItemDoc, 'status' | 'reviews' | 'revision' | 'publishedAt'>, now = Date.now()): 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' {
  if (i.status === 'published') return i.publishedAt && i.publishedAt.getTime() > now ? 'scheduled' : 'published';
  const progress = reviewProgress(i.reviews, i.revision);
  if (progress.complete) return 'approved';
  return progress.missing.length < 4 ? 'in_review' : 'draft';
}

export function itemSummaryView(i: Omit<ContentItemDoc, 'bodyHtml'>) {
  const progress = reviewProgress(i.reviews, i.revision);
  return {
    id: i._id,
    bodyId: i.bodyId,
    category: i.category,
    categoryLabel: categoryInfo[i.category].label,
    title: i.title,
    origin: i.origin,
    phase: itemPhase(i),
    reviewsMissing: progress.missing,
    publishedAt: iso(i.publishedAt),
    accountIds: i.publish?.accountIds ?? [],
    document: i.document ?? null,
    demo: i.demo,
    updatedAt: iso(i.updatedAt)!,
    version: i.version,
  };
}

export function itemView(i: ContentItemDoc, deliveries: DeliveryDoc[] = []) {
  const progress = reviewProgress(i.reviews, i.revision);
  return {
    ...itemSummaryView(i),
    summary: i.summary ?? null,
    bodyHtml: i.bodyHtml,
    attachments: i.attachments,
    coverImageUrl: i.coverImageUrl ?? null,
    source: i.source ?? null,
    revision: i.revision,
    reviews: i.reviews.map((r) => ({ ...r, stepLabel: reviewStepLabels[r.step as ReviewStep], current: r.revision === i.revision })),
    reviewsComplete: progress.complete,
    publishAt: iso(i.publish?.publishAt),
    deliveries: deliveries.map(deliveryView),
    createdAt: iso(i.createdAt)!,
  };
}

const deliveryStatusLabels = { pending: '等待推送', running: '推送中', done: '已推送', failed: '推送失败' } as const;

export function deliveryView(d: DeliveryDoc) {
  return {
    id: d._id,
    itemId: d.itemId,
    accountId: d.accountId,
    adapter: d.adapter,
    status: d.status,
    statusLabel: deliveryStatusLabels[d.status],
    runAt: iso(d.runAt)!,
    attempts: d.attempts,
    platformId: d.result?.platformId ?? null,
    url: d.result?.url ?? null,
    note: d.result?.note ?? null,
    doneAt: iso(d.result?.at),
    failure: d.failure ? { reason: d.failure.reason, code: d.failure.code ?? null, at: iso(d.failure.at)! } : null,
    lastError: d.lastError ? { message: d.lastError.message, at: iso(d.lastError.at)! } : null,
    /** the platform call whose answer is still unknown (reconciled before anything is posted again) */
    outcomeUnknownSince: iso(d.attempt?.startedAt),
    events: d.events.map((e) => ({ at: iso(e.at)!, text: e.text })),
    version: d.version,
  };
}
