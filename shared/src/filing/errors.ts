// Field-level messages from a zod error: { 'applicant.idNumber': '居民身份证号码校验位不正确，请核对', … }
// (first message per field), for forms on both sides.
import type { z } from 'zod';

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
