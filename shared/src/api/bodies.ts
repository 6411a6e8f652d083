// GET /api/bodies — the directory of receiving bodies (机关) with each one's guide (政府信息公开
// 指南, Art. 12): public, so the app can ask "which body?" before anyone signs in.
import { z } from 'zod';
import { bodyKinds } from './body-kinds';

export const bodyGuideViewSchema = z
  .object({
    /** Where to file in person or by post. */
    address: z.string(),
    phone: z.string(),
    /** Office hours, e.g. '工作日 上午 9:00–12:00…'. */
    hours: z.string(),
    email: z.string().optional(),
  })
  .describe('政府信息公开指南：受理地址、电话、时间');
export type BodyGuideView = z.infer<typeof bodyGuideViewSchema>;

export const bodyDirectoryEntrySchema = z
  .object({
    /** Stable slug, the `bodyId` of a filing, e.g. 'pingwu-gov-office'. */
    id: z.string(),
    name: z.string(),
    kind: z.enum(bodyKinds),
    county: z.string(),
    countyName: z.string(),
    guide: bodyGuideViewSchema,
  })
  .meta({ id: 'BodyDirectoryEntry' });
export type BodyDirectoryEntry = z.infer<typeof bodyDirectoryEntrySchema>;

/** Government first, then departments, then townships; by name within each. */
export const bodyDirectorySchema = z.object({ items: z.array(bodyDirectoryEntrySchema).describe('县政府在前，其次县级部门、乡镇；同类按名称排序') });
export type BodyDirectory = z.infer<typeof bodyDirectorySchema>;
