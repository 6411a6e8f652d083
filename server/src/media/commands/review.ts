// Signing one review step (初审 / 复审 / 终审 / 保密审查) of the current revision. The rules
// (order, who may sign, three different people) are shared/src/media/review.ts.
import { reviewRefusal, type ReviewRecord, type ReviewStep } from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import { refused } from '../errors';
import { ContentItem, type ContentItemDoc } from '../models/content-item';
import { loadItem } from './items';
import { updateAtVersion, withDocument } from './write';

export async function reviewItem(actor: StaffActor, id: string, input: { version: number; step: ReviewStep; opinion?: string; staffName?: string }): Promise<ContentItemDoc> {
  return withDocument('contentitems', id, async () => {
    const doc = await loadItem(actor, id);
    if (doc.status === 'published') throw refused('信息已发布，无需再审核', 'published');
    const refusal = reviewRefusal(doc.reviews, doc.revision, input.step, actor.staffId, actor.role);
    if (refusal) throw refused(refusal, 'review_order');
    const record: ReviewRecord = {
      step: input.step,
      staffId: actor.staffId,
      ...(input.staffName ? { staffName: input.staffName } : {}),
      at: new Date().toISOString(),
      revision: doc.revision,
      ...(input.opinion ? { opinion: input.opinion } : {}),
    };
    return updateAtVersion(ContentItem, id, input.version, { $set: { reviews: [...doc.reviews, record] } });
  });
}
