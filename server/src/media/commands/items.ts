// Content items (主动公开): written by staff, sanitised when stored, reviewed (review.ts),
// then published (publish.ts). Editing the content starts a new revision, which voids the
// reviews of the old one: what was approved is exactly what goes out.
import { categoryInfo, type ContentCategory, type ContentOrigin } from '@zwgk/shared';
import mongoose from 'mongoose';
import type { StaffActor } from '../../auth/actor';
import { validationFailed } from '../../errors';
import { itemNotFound, refused } from '../errors';
import { ContentItem, type Attachment, type ContentItemDoc, type DocumentInfo } from '../models/content-item';
import { sanitizeBody } from '../sanitize';
import { touchFeeds } from '../feeds/stamp';
import { assertBodyAccess } from './access';
import { updateAtVersion, withDocument } from './write';

export interface ItemContent {
  category: ContentCategory;
  title: string;
  summary?: string;
  bodyHtml: string;
  attachments?: Attachment[];
  coverImageUrl?: string;
  origin: ContentOrigin;
  source?: { name: string; url?: string };
  document?: DocumentInfo;
}

/** Rules that span fields (zod checks each field on its own). */
export function checkContent(c: ItemContent): void {
  const issues: Array<{ field: string; message: string }> = [];
  if (c.origin === 'repost' && !c.source?.name) issues.push({ field: 'source.name', message: '转发的信息须注明来源' });
  if (categoryInfo[c.category].tracksValidity) {
    if (!c.document?.docNumber) issues.push({ field: 'document.docNumber', message: `${categoryInfo[c.category].label}须填写文号` });
    if (!c.document?.issuedOn) issues.push({ field: 'document.issuedOn', message: `${categoryInfo[c.category].label}须填写印发日期` });
  }
  const d = c.document;
  if (d?.issuedOn && d.abolishedOn && d.abolishedOn < d.issuedOn) issues.push({ field: 'document.abolishedOn', message: '废止日期不能早于印发日期' });
  if (issues.length) throw validationFailed(issues);
}

export async function createItem(actor: StaffActor, input: ItemContent & { bodyId?: string }): Promise<ContentItemDoc> {
  const bodyId = input.bodyId ?? actor.bodyId;
  await assertBodyAccess(actor, bodyId);
  checkContent(input);
  const doc = await ContentItem.create({
    _id: new mongoose.Types.ObjectId().toHexString(),
    bodyId,
    ...contentFields(input),
    revision: 1,
    reviews: [],
    status: 'draft',
    demo: false,
    createdBy: { staffId: actor.staffId },
    version: 0,
  });
  return doc.toObject();
}

export async function loadItem(actor: StaffActor, id: string): Promise<ContentItemDoc> {
  const doc = await ContentItem.findById(id).lean();
  if (!doc) throw itemNotFound();
  await assertBodyAccess(actor, doc.bodyId, itemNotFound());
  return doc;
}

/** Replaces the content of a draft; a new revision (reviews must be signed again). */
export async function updateItem(actor: StaffActor, id: string, input: ItemContent & { version: number }): Promise<ContentItemDoc> {
  checkContent(input);
  return withDocument('contentitems', id, async () => {
    const doc = await loadItem(actor, id);
    if (doc.status === 'published') throw refused('已发布的信息不能修改内容；如需更正，请发布更正信息', 'published');
    return updateAtVersion(ContentItem, id, input.version, { $set: { ...contentFields(input), revision: doc.revision + 1 }, $unset: unsetMissing(input) });
  });
}

/** 废止: a published 规章 / 规范性文件 stops being in force (table 二 counts it). Not a content change. */
export async function recordAbolition(actor: StaffActor, id: string, input: { version: number; abolishedOn: string }): Promise<ContentItemDoc> {
  return withDocument('contentitems', id, async () => {
    const doc = await loadItem(actor, id);
    if (!doc.document?.issuedOn) throw refused('该信息没有印发日期，不能登记废止', 'not_a_document');
    if (input.abolishedOn < doc.document.issuedOn) throw refused('废止日期不能早于印发日期', 'abolished_before_issued');
    const updated = await updateAtVersion(ContentItem, id, input.version, { $set: { 'document.abolishedOn': input.abolishedOn } });
    if (updated.status === 'published') await touchFeeds(updated.bodyId);
    return updated;
  });
}

export interface ItemFilter {
  bodyId?: string;
  status?: 'draft' | 'published';
  category?: ContentCategory;
  limit: number;
  offset: number;
}

/** Newest first. Scans the body's items (FerretDB); fine for a staff list, paged. */
export async function listItems(actor: StaffActor, filter: ItemFilter): Promise<{ total: number; items: Array<Omit<ContentItemDoc, 'bodyHtml'>> }> {
  const bodyId = filter.bodyId ?? actor.bodyId;
  await assertBodyAccess(actor, bodyId);
  const query = { bodyId, ...(filter.status ? { status: filter.status } : {}), ...(filter.category ? { category: filter.category } : {}) };
  const [total, items] = await Promise.all([
    ContentItem.countDocuments(query),
    ContentItem.find(query, { bodyHtml: 0 }).sort({ updatedAt: -1, _id: -1 }).skip(filter.offset).limit(filter.limit).lean<Array<Omit<ContentItemDoc, 'bodyHtml'>>>(),
  ]);
  return { total, items };
}

function contentFields(c: ItemContent) {
  return {
    category: c.category,
    title: c.title.trim(),
    ...(c.summary ? { summary: c.summary.trim() } : {}),
    bodyHtml: sanitizeBody(c.bodyHtml),
    attachments: c.attachments ?? [],
    ...(c.coverImageUrl ? { coverImageUrl: c.coverImageUrl } : {}),
    origin: c.origin,
    ...(c.source ? { source: c.source } : {}),
    ...(c.document ? { document: c.document } : {}),
  };
}

function unsetMissing(c: ItemContent): Record<string, 1> {
  const out: Record<string, 1> = {};
  if (!c.summary) out.summary = 1;
  if (!c.coverImageUrl) out.coverImageUrl = 1;
  if (!c.source) out.source = 1;
  if (!c.document) out.document = 1;
  return out;
}
