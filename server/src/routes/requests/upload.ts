// multipart/form-data for attachments (@koa/multer): in memory, one file, tight limits; multer's
// errors become our Chinese 4xx. The file's type is checked from its content afterwards
// (requests/commands/attachments.ts).
import multer from '@koa/multer';
import type { Middleware } from 'koa';
import { ATTACHMENT_MAX_BYTES } from '@zwgk/shared';
import { AppError, badRequest } from '../../errors';

const upload = multer({
  storage: multer.memoryStorage(),
  // Keep the name as sent (busboy would cut it to its last segment) so a name with a path is
  // refused instead of silently shortened. (multer 1.4 option, missing from its typings.)
  preservePath: true,
  limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, fieldSize: 8 * 1024, parts: 3, headerPairs: 50 },
} as multer.Options);

const single = upload.single('file');

export const acceptUpload: Middleware = async (ctx, next) => {
  if (!ctx.is('multipart/form-data')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件（字段名 file）');
  try {
    await single(ctx, async () => undefined);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') throw new AppError(413, 'ATTACHMENT_TOO_LARGE', '文件过大，单个文件不超过10MB');
    if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_UNEXPECTED_FILE') throw badRequest('每次只能上传一个文件，字段名为 file', 'ATTACHMENT_INVALID');
    if (code && code.startsWith('LIMIT_')) throw badRequest('上传内容不符合要求', 'ATTACHMENT_INVALID');
    throw badRequest('上传内容格式不正确', 'ATTACHMENT_INVALID');
  }
  await next();
};

/**
 * busboy (multer 1.x) hands over a UTF-8 file name decoded as latin1; recover it when the bytes
 * are valid UTF-8 (Chinese names), keep it as is otherwise.
 */
export function uploadedName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
  } catch {
    return name;
  }
}

/** The uploaded file and the optional `text` field, or 400. */
export function uploadedFile(ctx: Parameters<Middleware>[0]): { file: { buffer: Buffer; originalname: string; size: number }; text: string } {
  const file = (ctx as unknown as { file?: { buffer: Buffer; originalname: string; size: number } }).file;
  if (!file) throw badRequest('请选择要上传的文件（字段名 file）', 'ATTACHMENT_MISSING');
  const fields = ((ctx.request as { body?: unknown }).body ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => k !== 'text');
  if (unknown.length) throw badRequest(`不支持的字段：${unknown.join('、')}`, 'VALIDATION_FAILED');
  const text = typeof fields.text === 'string' ? fields.text.trim() : '';
  if (text.length > 2000) throw badRequest('留言不超过2000个字', 'VALIDATION_FAILED');
  return { file: { buffer: file.buffer, originalname: uploadedName(file.originalname), size: file.size }, text };
}
