// Shape of GET /api/bodies (documents it in /api/openapi.json; the type is BodyDirectory of @zwgk/shared).
import { z } from 'zod';

export const bodiesQuery = z.strictObject({
  county: z.string().trim().min(1).max(64).optional().describe('县的标识，如 pingwu；不填则列出全部'),
});

export const bodyDirectoryEntry = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['government', 'department', 'township']),
    county: z.string(),
    countyName: z.string(),
    guide: z.object({ address: z.string(), phone: z.string(), hours: z.string(), email: z.string().optional() }).describe('政府信息公开指南：受理地址、电话、时间'),
  })
  .meta({ id: 'BodyDirectoryEntry' });

export const bodyDirectory = z.object({ items: z.array(bodyDirectoryEntry).describe('县政府在前，其次县级部门、乡镇；同类按名称排序') });
