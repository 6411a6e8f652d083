// The answers of the guided filing, flat by the field path the shared filing schema reports
// errors under ('applicant.idNumber', 'description'…), so a message from the schema lands on
// exactly the question that asked for it.
import type { FilingInput } from '@zwgk/shared';

export const fieldPaths = [
  'bodyId',
  'applicant.applicantType',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.creditCode',
  'applicant.legalRepresentative',
  'applicant.contactName',
  'applicant.contactPhone',
  'applicant.address',
  'applicant.email',
  'applicant.fax',
  'documentTitle',
  'documentNumber',
  'description',
  'medium',
  'delivery',
  'purpose',
] as const;

export type FieldPath = (typeof fieldPaths)[number];
export type FilingValues = Partial<Record<FieldPath, string>>;

export const personFields: ReadonlyArray<FieldPath> = ['applicant.name', 'applicant.idType', 'applicant.idNumber', 'applicant.phone'];
export const organisationFields: ReadonlyArray<FieldPath> = [
  'applicant.name',
  'applicant.creditCode',
  'applicant.legalRepresentative',
  'applicant.contactName',
  'applicant.contactPhone',
];
export const contactFields: ReadonlyArray<FieldPath> = ['applicant.address', 'applicant.email', 'applicant.fax'];

export const isPerson = (values: FilingValues) => (values['applicant.applicantType'] ?? 'natural_person') === 'natural_person';

const applicantKeys = (values: FilingValues): ReadonlyArray<FieldPath> => [
  'applicant.applicantType',
  ...(isPerson(values) ? personFields : organisationFields),
  ...contactFields,
];

/** The request body of POST /api/requests (FilingInput of @zwgk/shared) from flat answers. */
export function toFiling(values: FilingValues, declaration: boolean): FilingInput {
  const applicant: Record<string, string> = {};
  for (const path of applicantKeys(values)) {
    const value = values[path];
    if (value !== undefined && value !== '') applicant[path.slice('applicant.'.length)] = value;
  }
  const top = (path: FieldPath) => (values[path] === undefined || values[path] === '' ? {} : { [path]: values[path] });
  return {
    applicant,
    ...top('bodyId'),
    ...top('description'),
    ...top('documentTitle'),
    ...top('documentNumber'),
    ...top('medium'),
    ...top('delivery'),
    ...top('purpose'),
    declaration,
  } as unknown as FilingInput;
}
