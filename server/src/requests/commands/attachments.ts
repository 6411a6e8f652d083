// Attachments of the conversation (issue 4 §5). The type is decided from the content (magic
// bytes via file-type), never from the name or the client's Content-Type; a name whose extension
// contradicts the content is refused. The bytes live in the database (`attachmentfiles`, `_id` =
// a random id) so that every instance serves every file (issue 10: stateless instances); files
// stored by earlier versions under DATA_DIR/attachments/<random id> are still served from there.
// The client's name is kept only as display text, so no name can reach the file system.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import FileType from 'file-type';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES_TEXT, ATTACHMENTS_PER_REQUEST, attachmentTypes } from '@zwgk/shared';
import { AppError, badRequest } from '../../errors';
import { AttachmentFile, readAttachmentFile } from '../models/attachmentFile';
import type { MessageAuthor, RequestRecord, StoredAttachment, StoredMessage } from '../models/request';
import type { RequestsDeps } from './deps';
import { newId, postMessage } from './messages';

/** Where earlier versions kept attachment files (read-only now). */
export const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments');

const allowedExt = new Map<string, string>(attachmentTypes.map((t) => [t.ext, t.mime]));
const EXT_ALIASES: Record<string, string> = { jpeg: 'jpg', text: 'txt' };

/** Display name: the last path segment is NOT taken silently — a name with a path is refused. */
export function checkFileName(name: string): string {
  const n = name.normalize('NFC').trim();
  if (n === '' || n.length > 120) throw badRequest('文件名不能为空且不超过120个字符', 'ATTACHMENT_NAME_INVALID');
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f\u007f]/.test(n) || n === '.' || n.includes('..')) {
    throw badRequest('文件名不能包含路径或特殊字符', 'ATTACHMENT_NAME_INVALID');
  }
  return n;
}

/** Plain text: valid UTF-8 without NUL or other binary control bytes. */
function looksLikeText(buffer: Buffer): boolean {
  if (buffer.length === 0) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(buffer.toString('latin1'))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

/** The allowed type of this content, or a 415 naming what is accepted. */
export async function detectType(buffer: Buffer, name: string): Promise<{ ext: string; mime: string }> {
  const found = await FileType.fromBuffer(buffer);
  let ext: string | undefined = found?.ext;
  if (!found && looksLikeText(buffer)) ext = 'txt';
  const mime = ext ? allowedExt.get(ext) : undefined;
  if (!ext || !mime) throw new AppError(415, 'ATTACHMENT_TYPE_NOT_ALLOWED', `文件类型不支持（按文件内容识别）。${ATTACHMENT_TYPES_TEXT}`);
  const claimed = extname(name).slice(1).toLowerCase();
  const normalised = EXT_ALIASES[claimed] ?? claimed;
  if (claimed !== '' && normalised !== ext) {
    throw new AppError(415, 'ATTACHMENT_TYPE_MISMATCH', `文件内容与扩展名不符（内容为${ext.toUpperCase()}，文件名为.${claimed}），请检查后重新上传`);
  }
  return { ext, mime };
}

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** Checks, stores and posts the attachment as a message of the conversation. */
export async function addAttachment(
  deps: RequestsDeps,
  input: { requestId: string; author: MessageAuthor; mayAccess: (r: RequestRecord) => boolean; file: UploadedFile; text: string },
): Promise<{ request: RequestRecord; message: StoredMessage }> {
  const name = checkFileName(input.file.originalname);
  if (input.file.size > ATTACHMENT_MAX_BYTES || input.file.buffer.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError(413, 'ATTACHMENT_TOO_LARGE', '文件过大，单个文件不超过10MB');
  }
  if (input.file.buffer.length === 0) throw badRequest('文件内容为空', 'ATTACHMENT_EMPTY');
  const type = await detectType(input.file.buffer, name);
  const id = newId();
  const sha256 = createHash('sha256').update(input.file.buffer).digest('hex');
  // An insert: the id is random, so a duplicate only happens on a real problem.
  await AttachmentFile.create({ _id: id, data: input.file.buffer, size: input.file.buffer.length, sha256, createdAt: deps.now() });
  const attachment: StoredAttachment = {
    id,
    name,
    contentType: type.mime,
    size: input.file.buffer.length,
    storedAs: id,
    sha256,
    uploadedAt: deps.now(),
    uploadedBy: input.author,
  };
  try {
    return await postMessage(deps, {
      requestId: input.requestId,
      author: input.author,
      mayAccess: input.mayAccess,
      text: input.text,
      attachment,
      check: (r) => {
        if (r.attachments.length >= ATTACHMENTS_PER_REQUEST) throw new AppError(409, 'ATTACHMENT_LIMIT', `每个申请最多上传${ATTACHMENTS_PER_REQUEST}个附件`);
      },
    });
  } catch (err) {
    // Nothing was recorded: do not keep the file either.
    await AttachmentFile.deleteOne({ _id: id }).catch(() => undefined);
    throw err;
  }
}

/** The stored file of an attachment of `request` (already authorised), or null. */
export function openAttachment(deps: RequestsDeps, request: RequestRecord, attachmentId: string): { meta: StoredAttachment; stream: () => Readable } | null {
  const meta = request.attachments.find((a) => a.id === attachmentId);
  if (!meta || !/^[A-Za-z0-9_-]+$/.test(meta.storedAs)) return null;
  return { meta, stream: () => Readable.from(storedBytes(deps.config.dataDir, meta.storedAs), { objectMode: false }) };
}

/** The file from the database; a file stored on disk by an earlier version, from DATA_DIR. */
async function* storedBytes(dataDir: string, storedAs: string): AsyncGenerator<Buffer> {
  const bytes = await readAttachmentFile(storedAs);
  if (bytes) {
    yield bytes;
    return;
  }
  for await (const chunk of createReadStream(join(attachmentsDir(dataDir), storedAs))) yield chunk as Buffer;
}
