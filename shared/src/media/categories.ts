// Categories of proactively disclosed content (主动公开). The list follows 条例
// Art. 20 (the fifteen items every body must publish of its own motion) plus
// the figures section 一 of the annual report quotes (文件, 政策解读, 概况信息,
// 会议信息, 规划计划) and the day-to-day news of the new-media accounts.

export const contentCategories = [
  'policy_document', // 政策文件 — counted within 文件
  'normative_doc', // 行政规范性文件 — Art. 20(一); 文号, issued/abolished dates
  'rules', // 规章 — Art. 20(一); 文号, issued/abolished dates
  'other_document', // 其他文件 (通知、批复…) issued in the body's name
  'interpretation', // 政策解读 — published with the documents (国办发〔2016〕80号)
  'overview', // 概况信息 — Art. 20(二) 机关职能、机构设置、办公地址…
  'meeting', // 会议信息 — 全体会议、常务会议
  'plan', // 规划计划 — Art. 20(三)
  'statistics', // 统计信息 — Art. 20(四)
  'licensing', // 行政许可和对外管理服务 — Art. 20(五)
  'enforcement', // 行政处罚、行政强制 — Art. 20(六)
  'budget', // 财政预算、决算 — Art. 20(七)
  'fees', // 行政事业性收费 — Art. 20(八)
  'procurement', // 政府集中采购 — Art. 20(九)
  'major_projects', // 重大建设项目 — Art. 20(十)
  'livelihood', // 扶贫、教育、医疗、社会保障、促进就业 — Art. 20(十一)
  'emergency', // 突发公共事件应急 — Art. 20(十二)
  'inspection', // 环境保护、公共卫生、安全生产、食品药品、产品质量监督检查 — Art. 20(十三)
  'civil_service', // 公务员招考 — Art. 20(十四)
  'news', // 工作动态 (new-media posts, 政务要闻)
  'other', // 其他应当主动公开的信息 — Art. 20(十五)
] as const;

export type ContentCategory = (typeof contentCategories)[number];

export interface CategoryInfo {
  label: string;
  /** where the 条例 requires it, for staff ('第二十条第（一）项') */
  basis?: string;
  /** a document issued in the body's name: counted in the report's "文件 N 件" */
  isDocument: boolean;
  /** 规章 and 行政规范性文件: 文号 and 印发日期 are required, 废止 is recorded (table 二) */
  tracksValidity: boolean;
}

const art20 = (n: string) => `《政府信息公开条例》第二十条第（${n}）项`;

export const categoryInfo: Record<ContentCategory, CategoryInfo> = {
  policy_document: { label: '政策文件', basis: art20('一'), isDocument: true, tracksValidity: false },
  normative_doc: { label: '行政规范性文件', basis: art20('一'), isDocument: true, tracksValidity: true },
  rules: { label: '规章', basis: art20('一'), isDocument: true, tracksValidity: true },
  other_document: { label: '其他文件', isDocument: true, tracksValidity: false },
  interpretation: { label: '政策解读', isDocument: false, tracksValidity: false },
  overview: { label: '概况信息', basis: art20('二'), isDocument: false, tracksValidity: false },
  meeting: { label: '会议信息', isDocument: false, tracksValidity: false },
  plan: { label: '规划计划', basis: art20('三'), isDocument: false, tracksValidity: false },
  statistics: { label: '统计信息', basis: art20('四'), isDocument: false, tracksValidity: false },
  licensing: { label: '行政许可和对外管理服务', basis: art20('五'), isDocument: false, tracksValidity: false },
  enforcement: { label: '行政处罚和行政强制', basis: art20('六'), isDocument: false, tracksValidity: false },
  budget: { label: '财政预算决算', basis: art20('七'), isDocument: false, tracksValidity: false },
  fees: { label: '行政事业性收费', basis: art20('八'), isDocument: false, tracksValidity: false },
  procurement: { label: '政府集中采购', basis: art20('九'), isDocument: false, tracksValidity: false },
  major_projects: { label: '重大建设项目', basis: art20('十'), isDocument: false, tracksValidity: false },
  livelihood: { label: '民生保障', basis: art20('十一'), isDocument: false, tracksValidity: false },
  emergency: { label: '突发公共事件应急', basis: art20('十二'), isDocument: false, tracksValidity: false },
  inspection: { label: '监督检查', basis: art20('十三'), isDocument: false, tracksValidity: false },
  civil_service: { label: '公务员招考', basis: art20('十四'), isDocument: false, tracksValidity: false },
  news: { label: '工作动态', isDocument: false, tracksValidity: false },
  other: { label: '其他', basis: art20('十五'), isDocument: false, tracksValidity: false },
};

export function isContentCategory(value: unknown): value is ContentCategory {
  return typeof value === 'string' && (contentCategories as ReadonlyArray<string>).includes(value);
}

/** Whether the item was written by the body or passed on from another (转发国省重要信息). */
export const contentOrigins = ['original', 'repost'] as const;
export type ContentOrigin = (typeof contentOrigins)[number];
export const originLabels: Record<ContentOrigin, string> = { original: '原创', repost: '转发' };
