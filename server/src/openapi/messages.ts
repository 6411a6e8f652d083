// Chinese validation messages for route input (the person reading them is a citizen or a
// clerk). A message written on the schema itself (`z.string({ error: '请输入用户名' })`) wins;
// this map only fills in zod's defaults, using zod's zh-CN locale for the rest.
import { z } from 'zod';
import { fromZodError } from '../errors';

const zh = z.locales.zhCN().localeError;

export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') return `不接受的字段：${issue.keys.join('、')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return '此项必填';
  if (issue.code === 'invalid_type' && issue.expected === 'string') return '应为文字';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return '应为数字';
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return '应为是或否';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return '格式不正确';
  return zh(issue);
};

/** parseInput with Chinese default messages: a failure is a 400 VALIDATION_FAILED with field details. */
export function parseRouteInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: chineseErrorMap });
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
