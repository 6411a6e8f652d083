// The reply notice (答复告知书) of each outcome: what it must say and which facts only the
// office can supply (e.g. the body responsible for information this body does not hold,
// Art. 36(五)). Wording follows the common county practice; every refusal cites its article
// (Art. 36: "说明理由" / legal basis). Pure: the staff console fills and edits the text, the
// server may render the same text (e.g. for a printed notice).
import type { OutcomeKey } from '../outcomes';

/** A fact the office adds to the notice (beyond the request's own data). */
export interface NoticeExtra {
  key: NoticeExtraKey;
  /** Form label, Chinese. */
  label: string;
  /** Without it the notice cannot be sent (the placeholder stays visible). */
  required: boolean;
  placeholder: string;
}

export type NoticeExtraKey =
  | 'publishedAt'
  | 'withheldParts'
  | 'withheldReason'
  | 'lawName'
  | 'thirdPartyView'
  | 'queryChannel'
  | 'responsibleBody'
  | 'responsibleContact'
  | 'complaintChannel'
  | 'previousReply'
  | 'publicationSource'
  | 'detail';

/** Facts of the request the templates quote (filled by the console from the request). */
export interface NoticeFacts {
  /** The receiving body, signs the notice. */
  bodyName: string;
  /** 申请编号. */
  number: string;
  /** Natural person's name or the organisation's name. */
  applicantName: string;
  /** 收到申请之日 (Art. 31), 'YYYY-MM-DD'. */
  receivedOn: string | null;
  /** What was asked for, as the applicant described it (or the document title). */
  subject: string;
  /** The notice's date. */
  decidedOn: string;
  /** Art. 30 correction, when one was asked for. */
  correction?: { requestedOn: string; dueOn: string; receivedOn: string | null } | null;
  /** Fee notice (Art. 42) when one was issued. */
  fee?: { noticeOn: string; amount: number } | null;
}

export type NoticeExtras = Partial<Record<NoticeExtraKey, string>>;

export interface NoticeTemplate {
  outcome: OutcomeKey;
  /** The notice's heading. */
  title: string;
  extras: ReadonlyArray<NoticeExtra>;
  /**
   * The legal basis to record when the outcome's articles cover alternatives and the additions
   * decide which one applies (e.g. Art. 36(四) "does not exist" vs (五) "another body is
   * responsible"); default: the outcome's own basis.
   */
  basis?(extras: NoticeExtras): string;
  /** The paragraph(s) that give the answer and its legal basis. */
  answer(facts: NoticeFacts, extras: NoticeExtras, slot: (key: NoticeExtraKey) => string): string[];
}

const extra = (key: NoticeExtraKey, label: string, placeholder: string, required = true): NoticeExtra => ({ key, label, required, placeholder });

/** The full name once; later mentions use 《条例》. */
export const REGULATION = '《中华人民共和国政府信息公开条例》（以下简称《条例》）';

const refusal = (what: string, article: string, verb = '不予公开') => [`经审查，您申请获取的政府信息${what}。根据${REGULATION}${article}的规定，${verb}。`];

const templates: ReadonlyArray<NoticeTemplate> = [
  {
    outcome: 'open',
    title: '政府信息公开告知书',
    extras: [extra('publishedAt', '已主动公开的获取途径（未公开的留空，信息随本告知书提供）', '例：已于2026年3月1日在平武县人民政府门户网站“政府信息公开”栏目公开', false)],
    basis: (x) => (x.publishedAt ? '《条例》第三十六条第（一）项' : '《条例》第三十六条第（二）项'),
    answer: (_f, x) => [
      x.publishedAt
        ? `经审查，您申请获取的政府信息属于已主动公开的政府信息。根据${REGULATION}第三十六条第（一）项的规定，告知您获取该政府信息的方式和途径：${x.publishedAt}。`
        : `经审查，您申请获取的政府信息属于公开范围。根据${REGULATION}第三十六条第（二）项的规定，予以公开，现将该政府信息提供给您（见附件）。`,
    ],
  },
  {
    outcome: 'partial',
    title: '政府信息部分公开告知书',
    extras: [
      extra('withheldParts', '不予公开的部分', '例：申请材料中涉及的第三方个人身份信息'),
      extra('withheldReason', '不予公开的理由及依据', '例：属于个人隐私，公开会对第三方合法权益造成损害（《条例》第十五条）'),
    ],
    answer: (_f, _x, s) => [
      `经审查，您申请获取的政府信息中，${s('withheldParts')}不予公开，理由是：${s('withheldReason')}。根据${REGULATION}第三十七条的规定，本机关对可以公开的部分予以公开（见附件），并对不予公开的部分作了区分处理。`,
    ],
  },
  {
    outcome: 'deny_secret',
    title: '政府信息不予公开告知书',
    extras: [],
    answer: () => refusal('属于依法确定为国家秘密的政府信息', '第十四条'),
  },
  {
    outcome: 'deny_law',
    title: '政府信息不予公开告知书',
    extras: [extra('lawName', '禁止公开的法律、行政法规及条款', '例：《中华人民共和国统计法》第三十九条')],
    answer: (_f, _x, s) => refusal(`属于法律、行政法规禁止公开的政府信息（${s('lawName')}）`, '第十四条'),
  },
  {
    outcome: 'deny_safety',
    title: '政府信息不予公开告知书',
    extras: [],
    answer: () => refusal('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条'),
  },
  {
    outcome: 'deny_third_party',
    title: '政府信息不予公开告知书',
    extras: [extra('thirdPartyView', '第三方意见（征求意见的情况）', '例：经书面征求第三方意见，第三方不同意公开', false)],
    answer: (_f, x) =>
      refusal(
        `涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害${x.thirdPartyView ? `；${x.thirdPartyView}` : ''}`,
        '第十五条、第三十二条',
      ),
  },
  {
    outcome: 'deny_internal',
    title: '政府信息不予公开告知书',
    extras: [],
    answer: () => refusal('属于人事管理、后勤管理、内部工作流程等内部事务信息', '第十六条第一款', '可以不予公开'),
  },
  {
    outcome: 'deny_process',
    title: '政府信息不予公开告知书',
    extras: [],
    answer: () => refusal('属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息', '第十六条第二款', '可以不予公开'),
  },
  {
    outcome: 'deny_enforcement',
    title: '政府信息不予公开告知书',
    extras: [],
    answer: () => refusal('属于行政执法案卷信息', '第十六条第二款', '可以不予公开'),
  },
  {
    outcome: 'deny_query',
    title: '政府信息公开申请告知书',
    extras: [extra('queryChannel', '专门的查询途径', '例：不动产登记资料请向平武县不动产登记中心申请查询')],
    answer: (_f, _x, s) => [
      `经审查，您申请获取的信息属于有关法律、行政法规对信息的获取有特别规定的情形。根据${REGULATION}第三十六条第（七）项的规定，请您按照有关法律、行政法规的规定办理：${s('queryChannel')}。`,
    ],
  },
  {
    outcome: 'unable_not_held',
    title: '政府信息公开申请告知书',
    extras: [
      extra('responsibleBody', '负责公开该信息的机关（能确定时填写）', '例：平武县自然资源局', false),
      extra('responsibleContact', '该机关的联系方式', '例：0816-8822000，平武县龙安镇……', false),
    ],
    basis: (x) => (x.responsibleBody ? '《条例》第三十六条第（五）项' : '《条例》第三十六条第（四）项'),
    answer: (_f, x) =>
      x.responsibleBody
        ? [
            `经审查，您申请获取的政府信息不属于本机关负责公开的政府信息。根据${REGULATION}第三十六条第（五）项的规定，告知您负责公开该政府信息的行政机关为${x.responsibleBody}${x.responsibleContact ? `（联系方式：${x.responsibleContact}）` : ''}，请您向该机关提出申请。`,
          ]
        : [`经检索，本机关没有制作或者获取您申请获取的政府信息，该政府信息不存在。根据${REGULATION}第三十六条第（四）项的规定，特此告知。`],
  },
  {
    outcome: 'unable_need_create',
    title: '政府信息公开申请告知书',
    extras: [],
    answer: () => [
      `经审查，本机关未制作或者获取您所要求的信息，提供该信息需要本机关对现有政府信息进行加工、分析。根据${REGULATION}第三十八条的规定，本机关不予提供。`,
    ],
  },
  {
    outcome: 'unable_unclear',
    title: '政府信息公开申请告知书',
    extras: [],
    answer: (f) => [
      `本机关已于${dateText(f.correction?.requestedOn)}告知您对申请内容作出补正。您补正后的申请内容仍不明确，本机关无法据此确定您所需要的政府信息。根据${REGULATION}第三十条的规定，本机关无法提供。您可以在明确所需政府信息的名称、文号或者其他特征描述后重新提出申请。`,
    ],
  },
  {
    outcome: 'noproc_complaint',
    title: '政府信息公开申请告知书',
    extras: [extra('complaintChannel', '反映问题的途径', '例：您可以通过平武县信访局（0816-8822000）或12345热线反映', false)],
    answer: (_f, x) => [
      `经审查，您提出的申请实质上是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理；${x.complaintChannel ?? '您可以通过信访、投诉、举报等相应渠道反映'}。`,
    ],
  },
  {
    outcome: 'noproc_repeat',
    title: '政府信息公开申请告知书',
    extras: [extra('previousReply', '已作出的答复（日期、编号）', '例：本机关已于2026年3月5日作出答复（申请编号PWZF-2026-000012）')],
    answer: (_f, _x, s) => [
      `经审查，您重复申请公开相同的政府信息，${s('previousReply')}。根据${REGULATION}第三十六条第（六）项的规定，本机关不予重复处理。`,
    ],
  },
  {
    outcome: 'noproc_publication',
    title: '政府信息公开申请告知书',
    extras: [extra('publicationSource', '公开出版物的获取途径', '例：《平武年鉴2025》可在平武县图书馆查阅或通过正规出版发行渠道购买')],
    answer: (_f, _x, s) => [
      `经审查，您要求提供的是政府公报、报刊、书籍等公开出版物。根据${REGULATION}第三十九条第二款的规定，告知您获取的途径：${s('publicationSource')}。`,
    ],
  },
  {
    outcome: 'noproc_mass',
    title: '政府信息公开申请告知书',
    extras: [extra('detail', '数量、频次明显超过合理范围的情况', '例：您于2026年3月内提出政府信息公开申请46件，且未说明理由')],
    answer: (_f, _x, s) => [`经审查，${s('detail')}，申请公开政府信息的数量、频次明显超过合理范围。根据${REGULATION}第三十五条的规定，本机关不予处理。`],
  },
  {
    outcome: 'noproc_confirm',
    title: '政府信息公开申请告知书',
    extras: [],
    answer: () => [
      `经审查，您要求本机关确认或者重新出具已获取的信息。根据${REGULATION}第三十九条第二款的规定，本机关不作为政府信息公开申请处理。`,
    ],
  },
  {
    outcome: 'other_no_correction',
    title: '政府信息公开申请告知书',
    extras: [],
    answer: (f) => [
      `本机关已于${dateText(f.correction?.requestedOn)}告知您对申请作出补正，补正期限至${dateText(f.correction?.dueOn)}。您无正当理由逾期未补正，根据${REGULATION}第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ],
  },
  {
    outcome: 'other_unpaid_fee',
    title: '政府信息公开申请告知书',
    extras: [],
    answer: (f) => [
      `本机关已于${dateText(f.fee?.noticeOn)}向您发出信息处理费缴费通知${f.fee ? `（金额${f.fee.amount}元）` : ''}。您逾期未按收费通知要求缴纳费用，根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关不再处理该政府信息公开申请。`,
    ],
  },
  {
    outcome: 'other_misc',
    title: '政府信息公开申请告知书',
    extras: [extra('detail', '办理情况', '例：您已于2026年3月3日撤回申请，本机关终止办理')],
    answer: (_f, _x, s) => [`${s('detail')}。`],
  },
];

const byOutcome = new Map(templates.map((t) => [t.outcome, t]));

export function noticeTemplate(outcome: OutcomeKey): NoticeTemplate {
  const t = byOutcome.get(outcome);
  if (!t) throw new TypeError(`no notice template for outcome ${outcome}`);
  return t;
}

export const noticeTemplates: ReadonlyArray<NoticeTemplate> = templates;

/** '2026年3月5日'; '（日期）' when unknown (visible in the draft for staff to fix). */
export function dateText(date: string | null | undefined): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '（日期）';
}
