// The kinds of receiving body (机关), apart from the directory's schema (bodies.ts): the app's body
// picker reads the labels at run time in the main package, and must not bring the schemas along.

export const bodyKinds = ['government', 'department', 'township'] as const;
export type BodyKind = (typeof bodyKinds)[number];

export const bodyKindLabels: Record<BodyKind, string> = {
  government: '县政府',
  department: '县级部门',
  township: '乡镇',
};
