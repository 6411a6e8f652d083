// On-the-spot validation with the server's own rules: every check runs the shared filingSchema
// (the one POST /api/requests validates with), so the citizen reads the same Chinese sentence
// the server would answer. The schema validates a whole request, and zod runs the cross-field
// rules (checksum of an ID number, "e-mail delivery needs an e-mail address") only once the
// basic fields parse — so questions not answered yet are filled with harmless stand-ins, and
// only messages about answered questions are kept.
import { fieldErrors, filingSchema } from '@zwgk/shared';
import { toFiling, type FieldPath, type FilingValues } from './fields';
import { applicableSteps, type StepContext, type StepId } from './steps';

/** Values that pass every rule on their own and demand nothing of other fields. */
const standIns: Partial<Record<FieldPath, string>> = {
  bodyId: 'stand-in',
  'applicant.applicantType': 'natural_person',
  'applicant.name': '申请人',
  'applicant.idType': 'passport',
  'applicant.phone': '13800000000',
  'applicant.creditCode': '91350100M000100Y43',
  'applicant.legalRepresentative': '负责人',
  'applicant.contactName': '联系人',
  'applicant.contactPhone': '13800000000',
  description: '用于校验的政府信息描述文字',
};

const idNumberStandIns: Record<string, string> = {
  resident_id: '11010519491231002X',
  passport: 'E12345678',
  hk_macao_permit: 'H12345678',
  taiwan_permit: '12345678',
  other: 'AB12345',
};

function withStandIns(values: FilingValues, answered: ReadonlySet<FieldPath>): FilingValues {
  const out: FilingValues = {};
  for (const [field, value] of Object.entries(values) as Array<[FieldPath, string]>) if (answered.has(field)) out[field] = value;
  for (const [field, value] of Object.entries(standIns) as Array<[FieldPath, string]>) if (!answered.has(field)) out[field] = value;
  if (!answered.has('applicant.idNumber')) out['applicant.idNumber'] = idNumberStandIns[out['applicant.idType'] ?? 'passport'] ?? 'E12345678';
  // Medium and delivery: a stand-in that agrees with the one already answered.
  if (!answered.has('medium')) out.medium = out.delivery === 'email' ? 'email' : 'paper';
  if (!answered.has('delivery')) out.delivery = out.medium === 'email' ? 'email' : 'on_site';
  return out;
}

/**
 * Messages of the shared schema for the given questions, by question. `answered` are the
 * questions whose values count as given; everything else is a stand-in.
 */
export function validateSteps(values: FilingValues, answered: ReadonlyArray<StepId>, ctx: StepContext): Partial<Record<StepId, string>> {
  const relevant = applicableSteps(values, ctx).filter((s) => s.field && answered.includes(s.id));
  const fields = new Set(relevant.map((s) => s.field!));
  const result = filingSchema.safeParse(toFiling(withStandIns(values, fields), true));
  if (result.success) return {};
  return errorsByStep(fieldErrors(result.error), values, ctx, relevant.map((s) => s.id));
}

/** Maps schema (or server) field messages to the questions that asked for those fields. */
export function errorsByStep(
  messages: Record<string, string>,
  values: FilingValues,
  ctx: StepContext,
  only?: ReadonlyArray<StepId>,
): Partial<Record<StepId, string>> & { declaration?: string; other?: string } {
  const out: Partial<Record<StepId, string>> & { declaration?: string; other?: string } = {};
  const applicable = applicableSteps(values, ctx);
  for (const [field, message] of Object.entries(messages)) {
    if (field === 'declaration') {
      out.declaration ??= message;
      continue;
    }
    const path = field === 'applicant' ? 'applicant.applicantType' : field;
    const step = applicable.find((s) => s.field === path);
    if (step && (!only || only.includes(step.id))) out[step.id] ??= message;
    else if (!step && !only) out.other ??= message;
  }
  return out;
}

/** The whole request as it will be sent, with the declaration as ticked. */
export function validateFiling(values: FilingValues, declaration: boolean, ctx: StepContext) {
  const result = filingSchema.safeParse(toFiling(values, declaration));
  return result.success ? {} : errorsByStep(fieldErrors(result.error), values, ctx);
}
