// The conversation endpoints of a request that citizen and staff share (issue 4 §5): attachments
// are uploaded, checked and downloaded the same way on both sides, so they are declared once
// here. What differs between the sides is passed in by each router, where it stays visible:
// who may touch the request (the same 404 as for a request that does not exist), who writes,
// and what is audited (staff only).
import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { addAttachment } from '../../requests/commands/attachments';
import type { RequestsDeps } from '../../requests/commands/deps';
import type { MessageAuthor, RequestRecord, StoredMessage } from '../../requests/models/request';
import { defineRoute, type ActorFor } from '../../openapi/defineRoute';
import { presentMessage } from '../../requests/presenters';
import { sendAttachment } from './download';
import { messageItemSchema, uploadFormSchema } from '@zwgk/shared';
import { attachmentParams, idParams } from './schema';
import { acceptUpload, uploadedFile } from './upload';

export interface ConversationSide<A extends 'citizen' | 'staff'> {
  /** The guard, and the audience the answers are presented for. */
  auth: A;
  /** The requests of this side: '/api/requests' or '/api/staff/requests'. */
  basePath: string;
  tags: string[];
  downloadSummary: string;
  /** The request if this actor may see it, otherwise the 404 of a request that does not exist. */
  load: (actor: ActorFor<A>, id: string) => Promise<RequestRecord>;
  /** The same rule as `load`, checked again on the fresh document a write is made on. */
  mayAccess: (actor: ActorFor<A>, r: RequestRecord) => boolean;
  /** Who writes (also who the answer's `mine` is about). */
  author: (actor: ActorFor<A>) => MessageAuthor | Promise<MessageAuthor>;
  /** After an attachment is stored. */
  afterUpload?: (ctx: ParameterizedContext, request: RequestRecord, message: StoredMessage) => Promise<void>;
  /** Before a download is sent (the request is already authorised); throwing stops it. */
  beforeDownload?: (ctx: ParameterizedContext, request: RequestRecord, attachmentId: string) => Promise<void>;
}

export function conversationRoutes<A extends 'citizen' | 'staff'>(router: Router, deps: RequestsDeps, side: ConversationSide<A>): void {
  const present = (request: RequestRecord, message: StoredMessage, author: MessageAuthor) =>
    presentMessage(request, message, side.auth, { kind: author.kind, id: author.id });

  defineRoute(router, {
    method: 'post',
    path: `${side.basePath}/:id/attachments`,
    summary: '上传附件（按文件内容识别类型）',
    tags: side.tags,
    response: messageItemSchema,
    auth: side.auth,
    params: idParams,
    body: uploadFormSchema,
    bodyContentType: 'multipart/form-data',
    status: 201,
    errors: [404, 409, 413, 415],
    middleware: [acceptUpload],
    handler: async (ctx, { params, actor }) => {
      const upload = uploadedFile(ctx);
      const author = await side.author(actor);
      const { request, message } = await addAttachment(deps, { requestId: params.id, author, mayAccess: (r) => side.mayAccess(actor, r), file: upload.file, text: upload.text });
      await side.afterUpload?.(ctx, request, message);
      return present(request, message, author);
    },
  });

  defineRoute(router, {
    method: 'get',
    path: `${side.basePath}/:id/attachments/:attachmentId`,
    summary: side.downloadSummary,
    tags: side.tags,
    auth: side.auth,
    params: attachmentParams,
    responseContentType: 'application/octet-stream',
    errors: [404],
    handler: async (ctx, { params, actor }) => {
      const request = await side.load(actor, params.id);
      await side.beforeDownload?.(ctx, request, params.attachmentId);
      sendAttachment(ctx, deps, request, params.attachmentId);
    },
  });
}
