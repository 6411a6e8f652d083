// One error model for the whole server (like koa's `expose`): an AppError carries an
// HTTP status, a stable machine code and a message. 4xx messages are written for the
// person using the app (Chinese) and are shown as-is; anything else is a 5xx whose
// details stay in the log and the client sees a generic message plus the request id.
import { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the input field, e.g. `applicant.phone`; '' for the whole input. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    /** Stable code clients may branch on, e.g. `NOT_FOUND`, `VALIDATION_FAILED`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** 4xx: the message is safe to show; 5xx: it is not. */
  get expose(): boolean {
    return this.status < 500;
  }
}

export const badRequest = (message = '请求有误', code = 'BAD_REQUEST', details?: unknown) => new AppError(400, code, message, details);

export const validationFailed = (issues: FieldIssue[], message = '提交的内容有误，请检查后重试') =>
  new AppError(400, 'VALIDATION_FAILED', message, { fields: issues });

export const unauthorized = (message = '请先登录', code = 'UNAUTHORIZED') => new AppError(401, code, message);
export const forbidden = (message = '没有权限进行此操作', code = 'FORBIDDEN') => new AppError(403, code, message);
export const notFound = (message = '未找到相关内容', code = 'NOT_FOUND') => new AppError(404, code, message);
export const conflict = (message = '内容已被修改，请刷新后重试', code = 'CONFLICT', details?: unknown) => new AppError(409, code, message, details);
export const tooMany = (message = '操作过于频繁，请稍后再试', code = 'TOO_MANY_REQUESTS') => new AppError(429, code, message);
export const unavailable = (message = '服务暂时不可用，请稍后再试', code = 'SERVICE_UNAVAILABLE') => new AppError(503, code, message);

export const INTERNAL_MESSAGE = '服务器内部错误，请稍后再试';

/** Zod issues → field-level details. */
export function fromZodError(err: z.ZodError, message?: string): AppError {
  return validationFailed(
    err.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
    message,
  );
}

/** Validates input with a zod schema; a failure is a 400 with field details. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
