// The media module's refusals and conflicts, in the project's error model (errors.ts).
import { AppError, conflict, notFound } from '../errors';

/** 403 ACTION_REFUSED with the rule's Chinese reason (the shared API contract). */
export const refused = (message: string, refusal: string, extra: Record<string, unknown> = {}) => new AppError(403, 'ACTION_REFUSED', message, { refusal, ...extra });

/** 409 VERSION_CONFLICT: the document changed since the client read it. */
export const versionConflict = (current: number) => conflict('内容已被他人修改，请刷新后重试', 'VERSION_CONFLICT', { version: current });

export const itemNotFound = () => notFound('未找到该信息', 'ITEM_NOT_FOUND');
export const accountNotFound = () => notFound('未找到该账号', 'ACCOUNT_NOT_FOUND');
export const deliveryNotFound = () => notFound('未找到该推送记录', 'DELIVERY_NOT_FOUND');
