// The annual reports API contract: the staff report editor and the app's report page read and
// write these; the server's reports service (server/src/reports) stores Section2Inputs as they are.
//   GET  /api/reports/county/:county?years=       → county overview (staff)
//   GET  /api/reports/:body/:year?edition=draft   → the report computed from the data, with the checks
//   GET  /api/reports/:body/:year/inputs          → what staff typed (section 二 inputs, narrative)
//   PUT  /api/reports/:body/:year/inputs          → save (optimistic `version`)
//   POST /api/reports/:body/:year/publish         → freeze the year's report (and its cards); reviewer/admin
//   POST /api/reports/:body/import                → a published report's text → historical edition
import { z } from 'zod';
import { isLegalDate } from '../calendar/dates';
import {
  documentColumns,
  narrativeKeys,
  section2DocumentKeys,
  section2SingleKeys,
  section4Blocks,
  section4Columns,
  standardRowKeys,
  table3Columns,
  type Narrative,
  type Section4Block,
  type StandardRowKey,
} from '../report/model';
import { ruleIds } from '../report/rules';
import { enumOf } from './common';

const legalDate = (what: string) => z.string().refine(isLegalDate, { error: `${what}应为有效日期（YYYY-MM-DD）` });
/** A figure of the report as sent (null: the data does not give it). */
const cell = z.number().nonnegative().nullable();
const cellInput = z.number({ error: '应为数字' }).nonnegative({ error: '不能为负数' }).finite().nullable();
const triple = z.array(cellInput).length(3, { error: '应为 [本年制发, 本年废止, 现行有效] 三个数' }).nullable();

/** An object with one field per key (the report's fixed row and section keys). */
const keyed = <K extends string, S extends z.ZodType>(keys: ReadonlyArray<K>, value: S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);

// ---- inputs ------------------------------------------------------------------------------------

/** Section 二 figures the records do not hold, as stored; `rules`/`normative_docs` null = derived from published content. */
export const section2InputsSchema = z.object({ licensing: cell, punishment: cell, coercion: cell, fees_wan_yuan: cell, rules: z.array(cell).nullable(), normative_docs: z.array(cell).nullable() });
export type Section2Inputs = z.infer<typeof section2InputsSchema>;

/** PUT body: the version read, and what changed (omitted parts are kept). */
export const reportInputsBodySchema = z.strictObject({
  /** The version read with GET (0 when none was saved yet). */
  version: z.number().int().nonnegative(),
  section2: z
    .strictObject({
      licensing: cellInput.optional(),
      punishment: cellInput.optional(),
      coercion: cellInput.optional(),
      fees_wan_yuan: cellInput.optional(),
      /** null: from published content */
      rules: triple.optional(),
      normative_docs: triple.optional(),
    })
    .optional(),
  /** With {{figure}} tokens as typed. */
  narrative: z.strictObject(Object.fromEntries(narrativeKeys.map((k) => [k, z.string().max(50_000, { error: '每部分正文不超过5万字' }).optional()])) as Record<keyof Narrative, z.ZodOptional<z.ZodString>>).optional(),
});

/** GET/PUT answer: the inputs plus the figures the narrative may quote ({{key}}). */
export const reportInputsViewSchema = z.object({
  bodyId: z.string(),
  year: z.number(),
  version: z.number(),
  /** False until someone saved (the narrative is then the default text). */
  saved: z.boolean(),
  section2: section2InputsSchema,
  narrative: keyed(narrativeKeys, z.string()),
  figures: z.array(z.object({ key: z.string(), token: z.string(), label: z.string(), value: z.number().nullable() })),
  updatedAt: z.string().nullable(),
});
export type ReportInputsView = z.infer<typeof reportInputsViewSchema>;
/** What the staff editor sends: all of its inputs (the server also accepts parts of them). */
export type ReportInputsBody = Pick<ReportInputsView, 'version' | 'section2' | 'narrative'>;

/** POST …/publish */
export const reportPublishBodySchema = z.strictObject({
  /** Publication date (default today); after the report year. */
  on: legalDate('发布日期').optional(),
  note: z.string().trim().max(500).optional(),
  /** The draft fingerprint the reviewer saw; 409 when the data changed since. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type ReportPublishBody = z.input<typeof reportPublishBodySchema>;

/** POST /api/reports/:body/import */
export const reportImportBodySchema = z.strictObject({
  text: z.string().min(1, { error: '请粘贴报告全文' }).max(300_000, { error: '报告全文不超过30万字' }),
  /** Needed only when the title does not give the year. */
  year: z.number().int().min(2008).max(2100).optional(),
  /** The date it was originally published. */
  publishedOn: legalDate('发布日期').optional(),
  note: z.string().trim().max(500).optional(),
});
export type ReportImportBody = z.input<typeof reportImportBodySchema>;

// ---- answers -----------------------------------------------------------------------------------

export const editionMetaSchema = z.object({ n: z.number(), kind: z.enum(['published', 'correction', 'imported']), on: z.string(), note: z.string().optional() });
export type EditionMeta = z.infer<typeof editionMetaSchema>;

export const reportStatusSchema = z.enum(['draft', 'published', 'imported']);

/** A cell of the report a check names (CellRef of shared/src/report/rules.ts). */
const cellRef = z.discriminatedUnion('table', [
  z.object({ table: z.literal('table3'), row: enumOf([...standardRowKeys, 'other_single' as const]), column: z.enum(table3Columns) }),
  z.object({ table: z.literal('section4'), row: z.enum(section4Blocks), column: z.enum(section4Columns) }),
  z.object({ table: z.literal('section2'), row: z.enum([...section2DocumentKeys, ...section2SingleKeys]), column: z.enum([...documentColumns, 'value']) }),
]);

/** One failed rule check (Failure of shared/src/report/rules.ts). */
const failure = z.object({ rule: z.enum(ruleIds), message: z.string(), cells: z.array(cellRef), values: z.array(cell), quote: z.string().optional() });

/** The report in its shared JSON form (toReportJson of shared/src/report/json.ts). */
const reportJson = z.object({
  year: z.number().nullable(),
  body: z.string().nullable(),
  section2: z.object({ rules: z.array(cell), normative_docs: z.array(cell), licensing: cell, punishment: cell, coercion: cell, fees_wan_yuan: cell }),
  rows: keyed<StandardRowKey, z.ZodArray<typeof cell>>(standardRowKeys, z.array(cell)).extend({ other_single: z.array(cell).optional() }),
  section4: keyed<Section4Block, z.ZodArray<typeof cell>>(section4Blocks, z.array(cell)),
  narrative: keyed(narrativeKeys, z.string()),
});

/** GET /api/reports/:body/:year — the report, its figures and rule checks, and links to every format and card. */
export const reportViewSchema = z.object({
  bodyId: z.string(),
  year: z.number(),
  status: reportStatusSchema,
  edition: editionMetaSchema.nullable(),
  editions: z.array(editionMetaSchema),
  fingerprint: z.string().nullable(),
  computedAt: z.string().nullable(),
  report: reportJson,
  /** Figures by key ('requests.new', 'cases.review'…); null when the data does not give one. */
  figures: z.record(z.string(), z.number().nullable()),
  warnings: z.array(z.string()),
  checks: z.record(z.enum(ruleIds), z.object({ ok: z.boolean().nullable(), failures: z.array(failure), skipped: z.string().optional() })),
  ok: z.boolean(),
  failures: z.array(failure),
  /** Absolute links: json/txt/md/html/docx, share (page), chat (5:4), moments (1:1), og, poster. */
  links: z.record(z.string(), z.string()),
});
export type ReportView = z.infer<typeof reportViewSchema>;
/** What the staff report editor reads (the draft edition of the same answer). */
export type ReportEditorView = ReportView;

export const reportPublishResponseSchema = z.object({ created: z.boolean(), cautions: z.array(z.string()), edition: editionMetaSchema, editions: z.array(editionMetaSchema) });
export type ReportPublishResponse = z.infer<typeof reportPublishResponseSchema>;

export const reportImportResponseSchema = z.object({ year: z.number(), edition: editionMetaSchema, issues: z.array(z.string()), ok: z.boolean(), failures: z.array(failure) });
export type ReportImportResponse = z.infer<typeof reportImportResponseSchema>;

/** GET /api/reports/county/:county — every body's reports of the chosen years, with their problems. */
export const countyOverviewSchema = z.object({
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
          status: reportStatusSchema,
          edition: editionMetaSchema.nullable(),
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
export type CountyOverview = z.infer<typeof countyOverviewSchema>;
