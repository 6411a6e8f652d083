// Applicant types: the six columns of table 三 (条例 Art. 27 — anyone may apply).

export const applicantTypes = [
  { key: 'natural_person', label: '自然人' },
  { key: 'business', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'public_welfare', label: '社会公益组织' },
  { key: 'legal_service', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
] as const;

export type ApplicantType = (typeof applicantTypes)[number]['key'];

export const applicantTypeKeys: ReadonlyArray<ApplicantType> = applicantTypes.map((a) => a.key);

export function isOrganisation(type: ApplicantType): boolean {
  return type !== 'natural_person';
}
