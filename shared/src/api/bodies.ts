// GET /api/bodies — the directory of receiving bodies (机关) with each one's guide (政府信息公开
// 指南, Art. 12): public, so the app can ask "which body?" before anyone signs in.

export type BodyKind = 'government' | 'department' | 'township';

export const bodyKindLabels: Record<BodyKind, string> = {
  government: '县政府',
  department: '县级部门',
  township: '乡镇',
};

export interface BodyGuideView {
  /** Where to file in person or by post. */
  address: string;
  phone: string;
  /** Office hours, e.g. '工作日 上午 9:00–12:00…'. */
  hours: string;
  email?: string;
}

export interface BodyDirectoryEntry {
  /** Stable slug, the `bodyId` of a filing, e.g. 'pingwu-gov-office'. */
  id: string;
  name: string;
  kind: BodyKind;
  county: string;
  countyName: string;
  guide: BodyGuideView;
}

/** Government first, then departments, then townships; by name within each. */
export interface BodyDirectory {
  items: BodyDirectoryEntry[];
}
