// Schemas of the annual-report API (validation of params/query/bodies; documentation of the
// answers in /api/openapi.json).
import { isLegalDate, narrativeKeys } from '@zwgk/shared';
import { z } from 'zod';

export const bodyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '机关编号格式不正确' });
export const year = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2008, { error: '年度不早于2008年（《条例》施行）' }).max(2100, { error: '年度不正确' });
const legalDate = (what: string) => z.string().refine(isLegalDate, { error: `${what}应为有效日期（YYYY-MM-DD）` });

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

const cell = z.number().nonnegative().nullable();
const cellInput = z.number({ error: '应为数字' }).nonnegative({ error: '不能为负数' }).finite().nullable();
const triple = z.array(cellInput).length(3, { error: '应为 [本年制发, 本年废止, 现行有效] 三个数' }).nullable();

export const section2Inputs = z.strictObject({
  licensing: cellInput.optional(),
  punishment: cellInput.optional(),
  coercion: cellInput.optional(),
  fees_wan_yuan: cellInput.optional(),
  /** null: from published content */
  rules: triple.optional(),
  normative_docs: triple.optional(),
});

export const narrativeInputs = z.strictObject(Object.fromEntries(narrativeKeys.map((k) => [k, z.string().max(50_000, { error: '每部分正文不超过5万字' }).optional()])) as Record<(typeof narrativeKeys)[number], z.ZodOptional<z.ZodString>>);

export const putInputsBody = z.strictObject({
  /** The version read with GET (0 when none was saved yet). */
  version: z.number().int().nonnegative(),
  section2: section2Inputs.optional(),
  narrative: narrativeInputs.optional(),
});

export const publishBody = z.strictObject({
  /** Publication date (default today); after the report year. */
  on: legalDate('发布日期').optional(),
  note: z.string().trim().max(500).optional(),
  /** The draft fingerprint the reviewer saw; 409 when the data changed since. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const importBody = z.strictObject({
  text: z.string().min(1, { error: '请粘贴报告全文' }).max(300_000, { error: '报告全文不超过30万字' }),
  /** Needed only when the title does not give the year. */
  year: z.number().int().min(2008).max(2100).optional(),
  /** The date it was originally published. */
  publishedOn: legalDate('发布日期').optional(),
  note: z.string().trim().max(500).optional(),
});

// ---- answers (documentation) ------------------------------------------------------------

const editionMeta = z.object({ n: z.number(), kind: z.enum(['published', 'correction', 'imported']), on: z.string(), note: z.string().optional() });
const failure = z.object({ rule: z.string(), message: z.string(), cells: z.array(z.unknown()), values: z.array(cell), quote: z.string().optional() });

export const reportView = z.object({
  bodyId: z.string(),
  year: z.number(),
  status: z.enum(['draft', 'published', 'imported']),
  edition: editionMeta.nullable(),
  editions: z.array(editionMeta),
  fingerprint: z.string().nullable(),
  computedAt: z.string().nullable(),
  report: z.object({ year: z.number().nullable(), body: z.string().nullable(), section2: z.unknown(), rows: z.record(z.string(), z.array(cell)), section4: z.unknown(), narrative: z.unknown() }),
  figures: z.record(z.string(), z.number().nullable()),
  warnings: z.array(z.string()),
  checks: z.record(z.string(), z.object({ ok: z.boolean().nullable(), failures: z.array(failure), skipped: z.string().optional() })),
  ok: z.boolean(),
  failures: z.array(failure),
  links: z.record(z.string(), z.string()),
});

export const inputsView = z.object({
  bodyId: z.string(),
  year: z.number(),
  version: z.number(),
  saved: z.boolean(),
  section2: z.object({ licensing: cell, punishment: cell, coercion: cell, fees_wan_yuan: cell, rules: z.array(cell).nullable(), normative_docs: z.array(cell).nullable() }),
  narrative: z.object(Object.fromEntries(narrativeKeys.map((k) => [k, z.string()])) as Record<(typeof narrativeKeys)[number], z.ZodString>),
  figures: z.array(z.object({ key: z.string(), token: z.string(), label: z.string(), value: z.number().nullable() })),
  updatedAt: z.string().nullable(),
});

export const publishView = z.object({ created: z.boolean(), cautions: z.array(z.string()), edition: editionMeta, editions: z.array(editionMeta) });
export const importView = z.object({ year: z.number(), edition: editionMeta, issues: z.array(z.string()), ok: z.boolean(), failures: z.array(failure) });

export const overviewView = z.object({
  county: z.string(),
  countyName: z.string().nullable(),
  years: z.array(z.number()),
  problems: z.number(),
  rows: z.array(
    z.object({
      bodyId: z.string(),
      name: z.string(),
      kind: z.string(),
      years: z.array(
        z.object({
          year: z.number(),
          status: z.enum(['draft', 'published', 'imported']),
          edition: editionMeta.nullable(),
          figures: z.record(z.string(), z.number().nullable()),
          ok: z.boolean(),
          failures: z.array(failure),
          unchecked: z.array(z.string()),
          warnings: z.array(z.string()),
        }),
      ),
    }),
  ),
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
