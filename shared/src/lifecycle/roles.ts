// Who acts on a request. 'system' is the scheduler (expiries, reminders); it never decides.
export const roles = ['citizen', 'clerk', 'handler', 'reviewer', 'admin', 'system'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  citizen: '申请人',
  clerk: '公开办经办人', // registers, confirms, corrects, assigns, delivers
  handler: '承办人', // the department that holds the information
  reviewer: '审核人', // head of the disclosure office (政府信息公开工作机构负责人)
  admin: '系统管理员',
  system: '系统',
};

export const staffRoles: ReadonlyArray<Role> = ['clerk', 'handler', 'reviewer', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as ReadonlyArray<string>).includes(value);
}
