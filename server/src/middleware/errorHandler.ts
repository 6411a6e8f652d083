// Turns every thrown error into the one error body shape:
//   { error: { code, message, details?, requestId } }
// AppError messages are written for users (Chinese) and shown as-is. Any other error is
// a bug or an outage: logged with its stack, and the client sees a generic message.
import type { Middleware } from 'koa';
import { z } from 'zod';
import { AppError, INTERNAL_MESSAGE, conflict, fromZodError, notFound } from '../errors';
import { isDbUnavailableError } from '../db/connection';

/** Errors of @koa/bodyparser (co-body / raw-body tag theirs with `type`) → AppError. */
export function bodyParserError(err: unknown): AppError {
  const type = (err as { type?: unknown })?.type;
  if (type === 'entity.too.large') return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容编码');
  if (type === 'request.aborted') return new AppError(400, 'REQUEST_ABORTED', '请求已中断');
  return new AppError(400, 'INVALID_JSON', '请求内容不是有效的 JSON 格式');
}

/**
 * The disk under DATA_DIR is full: the embedded database (SQLite: "database or disk is full")
 * or a file write (ENOSPC, EDQUOT). Nothing was stored; what was stored before is intact
 * (tests/drills/disk.test.ts), so the answer says so and the client may try again later.
 */
export function isStorageFullError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (e?.code === 'ENOSPC' || e?.code === 'EDQUOT') return true;
  return typeof e?.message === 'string' && /database or disk is full|SQLITE_FULL|no space left on device/i.test(e.message);
}

/** The disk under DATA_DIR is read-only (EROFS; SQLite "attempt to write a readonly database"). */
export function isStorageReadOnlyError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (e?.code === 'EROFS') return true;
  return typeof e?.message === 'string' && /attempt to write a readonly database|SQLITE_READONLY|read-only file system/i.test(e.message);
}

/** Maps errors thrown by libraries (body parser, zod, driver) into AppErrors. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return fromZodError(err);
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; code?: unknown; name?: unknown; expose?: unknown };
  if (isDbUnavailableError(err)) return new AppError(503, 'DB_UNAVAILABLE', '数据库暂时不可用，请稍后再试');
  if (isStorageFullError(err)) return new AppError(507, 'STORAGE_FULL', '服务器存储空间已满，本次提交未能保存，请稍后再试（此前提交的内容不受影响）');
  if (isStorageReadOnlyError(err)) return new AppError(503, 'STORAGE_READ_ONLY', '服务器存储暂时无法写入，本次提交未能保存，请稍后再试（此前提交的内容不受影响）');
  if (e?.code === 11000) return conflict('该记录已存在', 'DUPLICATE');
  // ctx.throw(4xx) / http-errors with a status below 500.
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    if (status === 404) return notFound();
    return new AppError(status, `HTTP_${status}`, e?.expose ? String((err as Error).message) : '请求有误');
  }
  return undefined;
}

export function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.path.startsWith('/api')) {
        if (ctx.status === 404 && ctx.body === undefined) throw notFound('接口不存在', 'ROUTE_NOT_FOUND');
        // router.allowedMethods() answers 405/501 with plain text (and an Allow header, kept).
        if ((ctx.status === 405 || ctx.status === 501) && (ctx.body == null || typeof ctx.body === 'string')) {
          const status = ctx.status;
          ctx.body = { error: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法', requestId: ctx.state.requestId } };
          ctx.status = status;
        }
      }
    } catch (err) {
      const requestId = ctx.state.requestId;
      const appError = toAppError(err);
      if (appError) {
        if (appError.status >= 500) ctx.state.log?.error({ err, code: appError.code }, appError.message);
        // A raw duplicate key reaching here is a write race no command expected: keep its stack.
        else if (appError.code === 'DUPLICATE' && !(err instanceof AppError)) ctx.state.log?.warn({ err }, 'unexpected duplicate key');
        ctx.status = appError.status;
        ctx.body = {
          error: {
            code: appError.code,
            message: appError.message,
            ...(appError.details !== undefined ? { details: appError.details } : {}),
            requestId,
          },
        };
      } else {
        ctx.state.log?.error({ err }, 'unhandled error');
        ctx.status = 500;
        ctx.body = { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE, requestId } };
      }
      // Headers set by the failing handler (e.g. a half-set Content-Disposition) must not leak.
      ctx.remove('content-disposition');
    }
  };
}
