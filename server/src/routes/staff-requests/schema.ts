// Input schemas of the staff endpoints. An action's payload is the shared lifecycle event's own
// schema (shared/src/lifecycle/events.ts) minus what the server sets (at, actor), plus the
// version it was decided on; two actions take an input the server turns into the event:
// `issue_fee_notice` (the amount comes from the shared fee function) and `assign` (a staff id).
import {
  channels,
  filingSchema,
  isLegalDate,
  phases,
  requestEventSchema,
  type EventType,
  type Phase,
} from '@zwgk/shared';
import { z } from 'zod';
import { deepStrict } from '../../lib/strict-schema';
import { version } from '../requests/schema';

export { idParams, messageBody } from '../requests/schema';

const legalDate = (what: string) => z.string({ error: `请填写${what}` }).refine(isLegalDate, { error: `${what}应为有效日期（YYYY-MM-DD）` });

const flag = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

export const inboxQuery = z.strictObject({
  state: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const list = v.split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(phases as ReadonlyArray<string>).includes(s));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `未知的状态：${bad.join('、')}` });
        return z.NEVER;
      }
      return list as Phase[];
    }),
  assignedToMe: flag.optional(),
  dueWithin: z.coerce.number({ error: '应为工作日数' }).int({ error: '应为整数个工作日' }).min(0, { error: '不能为负数' }).max(60, { error: '最多60个工作日' }).optional(),
  overdue: flag.optional(),
  channel: z.enum(channels, { error: '未知的提交方式' }).optional(),
  bodyId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const offlineChannels = channels.filter((c) => c !== 'online') as [Exclude<(typeof channels)[number], 'online'>, ...Array<Exclude<(typeof channels)[number], 'online'>>];

export const registerBody = deepStrict(
  filingSchema.safeExtend({
    channel: z.enum(offlineChannels, { error: '请选择收到申请的方式（当面、口头、邮寄、信函、传真或电子邮件）' }),
    receivedOn: legalDate('收到申请日期'),
  }),
);

const control = {
  version,
  /** The legal date of the action; default today. */
  on: legalDate('日期').optional(),
  note: z.string({ error: '备注应为文字' }).max(2000, { error: '备注不超过2000个字' }).optional(),
};

const feeInput = z.discriminatedUnion(
  'basis',
  [
    z.strictObject({
      basis: z.literal('per_request'),
      ordinalInMonth: z.number({ error: '请填写本月第几件申请' }).int({ error: '件数应为整数' }).min(1, { error: '件数至少为1' }).max(100000),
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为YYYY-MM' }).optional(),
    }),
    z.strictObject({ basis: z.literal('per_page'), pages: z.number({ error: '请填写页数' }).int({ error: '页数应为整数' }).min(1, { error: '页数至少为1' }).max(1000000) }),
  ],
  { error: '请选择按件或按量计收' },
);

const NOT_ACTIONS: ReadonlyArray<EventType> = ['submit', 'issue_fee_notice', 'assign'];

/** One strict object per lifecycle event, from the shared event schemas. */
const fromShared = requestEventSchema.options
  .filter((o) => !NOT_ACTIONS.includes(o.shape.type.value))
  .map((o) => {
    const { at: _at, on: _on, actor: _actor, note: _note, ...payload } = o.shape;
    return z.strictObject({ ...payload, ...control });
  });

const feeAction = z.strictObject({ type: z.literal('issue_fee_notice'), fee: feeInput, noticeReceivedOn: legalDate('申请人收到通知日期').optional(), ...control });
const assignAction = z.strictObject({
  type: z.literal('assign'),
  assigneeId: z.string({ error: '请选择承办人' }).min(1, { error: '请选择承办人' }).max(100),
  department: z.string().trim().max(100, { error: '承办部门不超过100个字' }).optional(),
  ...control,
});

export const actionBody = z.discriminatedUnion('type', [feeAction, assignAction, ...fromShared], { error: '未知的操作类型' });

export type ActionBody = z.output<typeof actionBody>;
