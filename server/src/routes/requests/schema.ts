// Input schemas of the citizen's request endpoints. The filing itself is shared/src/filing
// (the same schema the mini-program validates its form with), applied strictly.
import { filingSchema } from '@zwgk/shared';
import { z } from 'zod';
import { deepStrict } from '../../lib/strict-schema';

export const fileBody = deepStrict(filingSchema);

export const idParams = z.strictObject({ id: z.string().max(64) });
export const attachmentParams = z.strictObject({ id: z.string().max(64), attachmentId: z.string().max(64) });

export const version = z.number({ error: '版本号应为整数' }).int({ error: '版本号应为整数' }).min(0, { error: '版本号应为整数' });

export const correctionBody = z.strictObject({
  answers: z
    .array(z.string({ error: '补正内容应为文字' }).trim().min(1, { error: '请逐项填写补正内容' }).max(2000, { error: '每项补正内容不超过2000个字' }), { error: '请逐项填写补正内容' })
    .min(1, { error: '请逐项填写补正内容' })
    .max(50, { error: '补正事项过多' }),
  version: version.optional(),
});

export const withdrawBody = z.strictObject({
  reason: z.string({ error: '撤回理由应为文字' }).trim().max(2000, { error: '撤回理由不超过2000个字' }).optional(),
  version: version.optional(),
});

export const messageBody = z.strictObject({
  text: z.string({ error: '请填写留言内容' }).trim().min(1, { error: '请填写留言内容' }).max(2000, { error: '留言不超过2000个字' }),
});

/** Form fields of an upload besides the file (documentation; checked in the handler). */
export const uploadForm = z.strictObject({ file: z.string().describe('文件（PDF、JPG、PNG、docx、xlsx、txt，≤10MB）'), text: z.string().max(2000).optional() });

/** Idempotency-Key header: what clients generate per submission (UUID or similar). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;
