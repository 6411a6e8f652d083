// Params and queries of the annual-report API (its bodies and answers: shared/src/api/reports.ts).
import { z } from 'zod';

export const bodyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '机关编号格式不正确' });
export const year = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2008, { error: '年度不早于2008年（《条例》施行）' }).max(2100, { error: '年度不正确' });
export const reportParams = z.strictObject({ body: bodyId, year });
export const bodyParams = z.strictObject({ body: bodyId });

/** current (latest published; the draft for staff while unpublished) · draft · edition number. */
export const editionQuery = z.strictObject({
  edition: z
    .union([z.enum(['current', 'draft']), z.coerce.number().int().positive()], { error: 'edition 应为 current、draft 或版本号' })
    .optional(),
});

export const countyParams = z.strictObject({ county: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: '县编号格式不正确' }) });
export const countyQuery = z.strictObject({
  years: z
    .string()
    .regex(/^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/, { error: 'years 形如 2021-2023 或 2022,2023' })
    .optional(),
});

/** '2021-2023,2025' → [2021, 2022, 2023, 2025] (at most 10 years). */
export function parseYears(spec: string | undefined, today: Date): number[] {
  const thisYear = Number(new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  if (!spec) return [thisYear - 3, thisYear - 2, thisYear - 1];
  const years = new Set<number>();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    for (let y = a; y <= (b ?? a); y++) years.add(y);
  }
  return [...years].sort((x, y) => x - y);
}
