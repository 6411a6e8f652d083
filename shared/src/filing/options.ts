// Choices on the request form (条例第二十九条) with their Chinese labels.

export const idTypes = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'other'] as const;
export type IdType = (typeof idTypes)[number];
export const idTypeLabels: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  other: '其他有效身份证件',
};

/** The form in which the information is provided (提供政府信息的载体形式). */
export const media = ['paper', 'email', 'cd', 'disk'] as const;
export type Medium = (typeof media)[number];
export const mediumLabels: Record<Medium, string> = { paper: '纸质', email: '电子邮件', cd: '光盘', disk: '磁盘' };

/** How the applicant gets it (获取信息的方式). */
export const deliveries = ['post', 'express', 'email', 'fax', 'pickup', 'on_site'] as const;
export type Delivery = (typeof deliveries)[number];
export const deliveryLabels: Record<Delivery, string> = {
  post: '邮寄',
  express: '快递',
  email: '电子邮件',
  fax: '传真',
  pickup: '自行领取',
  on_site: '当场阅读、抄录',
};

export const ONE_MATTER_HINT = '一事一申请：每份申请只提出一项政府信息需求；需要多项信息的，请分别提交申请，便于尽快办理。';
