import { z } from 'zod';
import { cardSizeNames } from '../../reports/cards/layouts';
import { bodyId, year } from '../reports/schema';

export const cardParams = z.strictObject({ body: bodyId, year, size: z.enum(cardSizeNames as [string, ...string[]], { error: '卡片尺寸应为 chat、moments、og 或 poster' }) });
export const shareParams = z.strictObject({ body: bodyId, year });
