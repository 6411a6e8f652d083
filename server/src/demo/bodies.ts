// The bodies (机关) of 平武县 (Pingwu County, Mianyang, Sichuan) for demo mode.
// - 平武县人民政府办公室: name, address, postcode and phone from its 2023 annual report (the seed).
// - Departments: the usual 组成部门 of a Sichuan county government (the seed says there are 28);
//   names follow the common pattern and are not checked one by one against Pingwu's current
//   organisation chart.
// - Townships: 17 names of Pingwu's towns and ethnic townships as publicly known (not verified
//   against the latest administrative-division changes) plus 3 generic placeholders, to make the
//   20 the seed mentions.
// Guide addresses other than the county office's are placeholders ("演示数据").
import { Body, type BodyDoc, type BodyKind } from '../models/body';

export const PINGWU = { county: 'pingwu', countyName: '平武县' } as const;
export const PINGWU_GOV_OFFICE = 'pingwu-gov-office';

type DemoBody = Pick<BodyDoc, '_id' | 'name' | 'kind' | 'requiresReview' | 'requestPrefix'>;

const HOURS = '工作日 上午 9:00–12:00，下午 14:30–17:30（法定节假日除外）';
const OFFICE_PHONE = '0816-8822122';

const office: DemoBody = { _id: PINGWU_GOV_OFFICE, name: '平武县人民政府办公室', kind: 'government', requiresReview: true, requestPrefix: 'PWZF' };

// [slug, name, request prefix]
const departments: Array<[string, string, string]> = [
  ['education', '平武县教育局', 'PWJY'],
  ['natural-resources', '平武县自然资源局', 'PWZR'],
  ['housing', '平武县住房和城乡建设局', 'PWZJ'],
  ['transport', '平武县交通运输局', 'PWJT'],
  ['health', '平武县卫生健康局', 'PWWJ'],
  ['public-security', '平武县公安局', 'PWGA'],
  ['finance', '平武县财政局', 'PWCZ'],
  ['human-resources', '平武县人力资源和社会保障局', 'PWRS'],
  ['ecology', '平武县生态环境局', 'PWST'],
  ['agriculture', '平武县农业农村局', 'PWNY'],
  ['development-reform', '平武县发展和改革局', 'PWFG'],
  ['economy-technology', '平武县经济信息化和科学技术局', 'PWJX'],
  ['civil-affairs', '平武县民政局', 'PWMZ'],
  ['justice', '平武县司法局', 'PWSF'],
  ['water', '平武县水利局', 'PWSL'],
  ['commerce', '平武县商务和经济合作局', 'PWSW'],
  ['culture-tourism', '平武县文化广播电视和旅游局', 'PWWL'],
  ['veterans', '平武县退役军人事务局', 'PWTY'],
  ['emergency', '平武县应急管理局', 'PWYJ'],
  ['audit', '平武县审计局', 'PWSJ'],
  ['market-regulation', '平武县市场监督管理局', 'PWSC'],
  ['statistics', '平武县统计局', 'PWTJ'],
  ['forestry', '平武县林业局', 'PWLY'],
  ['medical-security', '平武县医疗保障局', 'PWYB'],
  ['ethnic-religious', '平武县民族宗教事务局', 'PWMW'],
  ['administrative-approval', '平武县行政审批局', 'PWXS'],
  ['law-enforcement', '平武县综合行政执法局', 'PWZH'],
];

const townships: Array<[string, string]> = [
  ['longan', '平武县龙安镇人民政府'],
  ['xiangyan', '平武县响岩镇人民政府'],
  ['nanba', '平武县南坝镇人民政府'],
  ['gucheng', '平武县古城镇人民政府'],
  ['pingtong', '平武县平通镇人民政府'],
  ['doukou', '平武县豆叩镇人民政府'],
  ['shuijing', '平武县水晶镇人民政府'],
  ['daqiao', '平武县大桥镇人民政府'],
  ['baima', '平武县白马藏族乡人民政府'],
  ['muzuo', '平武县木座藏族乡人民政府'],
  ['mupi', '平武县木皮藏族乡人民政府'],
  ['huya', '平武县虎牙藏族乡人民政府'],
  ['tucheng', '平武县土城藏族乡人民政府'],
  ['huangyangguan', '平武县黄羊关藏族乡人民政府'],
  ['sier', '平武县泗耳藏族乡人民政府'],
  ['suojiang', '平武县锁江羌族乡人民政府'],
  ['kuoda', '平武县阔达藏族乡人民政府'],
  ['sample-1', '平武县示例乡一人民政府（演示）'],
  ['sample-2', '平武县示例乡二人民政府（演示）'],
  ['sample-3', '平武县示例乡三人民政府（演示）'],
];

export const DEMO_BODIES: DemoBody[] = [
  office,
  ...departments.map(([slug, name, prefix]): DemoBody => ({ _id: `pingwu-${slug}`, name, kind: 'department', requiresReview: false, requestPrefix: prefix })),
  ...townships.map(([slug, name], i): DemoBody => ({
    _id: `pingwu-township-${slug}`,
    name,
    kind: 'township' as BodyKind,
    requiresReview: false,
    requestPrefix: `PWXZ${String(i + 1).padStart(2, '0')}`,
  })),
];

function guideOf(body: DemoBody): BodyDoc['guide'] {
  if (body._id === PINGWU_GOV_OFFICE) {
    return { address: '四川省绵阳市平武县冀安西路28号（邮编622550）', phone: OFFICE_PHONE, hours: HOURS };
  }
  return { address: `${body.name}（地址为演示数据）`, phone: OFFICE_PHONE, hours: HOURS };
}

/** Upserts every demo body by `_id` (idempotent; an operator's later edits of a guide are overwritten). */
export async function seedBodies(): Promise<number> {
  await Body.bulkWrite(
    DEMO_BODIES.map((b) => ({
      updateOne: {
        filter: { _id: b._id },
        update: { $set: { ...b, ...PINGWU, guide: guideOf(b) } },
        upsert: true,
      },
    })),
  );
  return DEMO_BODIES.length;
}
