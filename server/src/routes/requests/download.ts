// Sends an attachment of an authorised request: its stored type, as a download (never rendered
// inline, so an uploaded file cannot run as a page of our origin), not cached by shared caches.
import type { ParameterizedContext } from 'koa';
import { openAttachment } from '../../requests/commands/attachments';
import type { RequestsDeps } from '../../requests/commands/deps';
import { notFound } from '../../errors';
import type { RequestRecord } from '../../requests/models/request';

export function sendAttachment(ctx: ParameterizedContext, deps: RequestsDeps, request: RequestRecord, attachmentId: string): void {
  const found = openAttachment(deps, request, attachmentId);
  if (!found) throw notFound('未找到该附件', 'ATTACHMENT_NOT_FOUND');
  ctx.attachment(found.meta.name);
  ctx.type = found.meta.contentType;
  ctx.length = found.meta.size;
  ctx.set('Cache-Control', 'private, no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.status = 200;
  ctx.body = found.stream();
}
