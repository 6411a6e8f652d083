// The 25 outcome rows of table 三 (国办公开办函〔2021〕30号). A decided request carries
// exactly one of these keys; the report counts it under that row and nowhere else
// ("区分处理的，只计这一情形").

export type OutcomeGroup = 'open' | 'partial' | 'deny' | 'unable' | 'noproc' | 'other';

export interface Outcome {
  key: OutcomeKey;
  group: OutcomeGroup;
  /** Label as printed in the report's table 三 (without group prefix or numbering). */
  label: string;
  /** Article(s) of the 条例 the reply cites. */
  legalBasis: string;
  /** Refusals (whole or partial) must name their legal basis in the reply (Art. 36). */
  requiresLegalBasis: boolean;
}

export const outcomeGroups: ReadonlyArray<{ group: OutcomeGroup; label: string }> = [
  { group: 'open', label: '予以公开' },
  { group: 'partial', label: '部分公开' },
  { group: 'deny', label: '不予公开' },
  { group: 'unable', label: '无法提供' },
  { group: 'noproc', label: '不予处理' },
  { group: 'other', label: '其他处理' },
];

const table = [
  ['open', 'open', '予以公开', '《条例》第三十六条第（一）、（二）项', false],
  ['partial', 'partial', '部分公开', '《条例》第三十七条', true],
  ['deny_secret', 'deny', '属于国家秘密', '《条例》第十四条', true],
  ['deny_law', 'deny', '其他法律行政法规禁止公开', '《条例》第十四条', true],
  ['deny_safety', 'deny', '危及“三安全一稳定”', '《条例》第十四条', true],
  ['deny_third_party', 'deny', '保护第三方合法权益', '《条例》第十五条、第三十二条', true],
  ['deny_internal', 'deny', '属于三类内部事务信息', '《条例》第十六条第一款', true],
  ['deny_process', 'deny', '属于四类过程性信息', '《条例》第十六条第二款', true],
  ['deny_enforcement', 'deny', '属于行政执法案卷', '《条例》第十六条第二款', true],
  ['deny_query', 'deny', '属于行政查询事项', '《条例》第三十六条第（七）项', true],
  ['unable_not_held', 'unable', '本机关不掌握相关政府信息', '《条例》第三十六条第（四）、（五）项', true],
  ['unable_need_create', 'unable', '没有现成信息需要另行制作', '《条例》第三十八条', true],
  ['unable_unclear', 'unable', '补正后申请内容仍不明确', '《条例》第三十条', true],
  ['noproc_complaint', 'noproc', '信访举报投诉类申请', '《条例》第三十九条第一款', true],
  ['noproc_repeat', 'noproc', '重复申请', '《条例》第三十六条第（六）项', true],
  ['noproc_publication', 'noproc', '要求提供公开出版物', '《条例》第三十九条第二款', true],
  ['noproc_mass', 'noproc', '无正当理由大量反复申请', '《条例》第三十五条', true],
  ['noproc_confirm', 'noproc', '要求行政机关确认或重新出具已获取信息', '《条例》第三十九条第二款', true],
  ['other_no_correction', 'other', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '《条例》第三十条', true],
  ['other_unpaid_fee', 'other', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '《条例》第四十二条', true],
  ['other_misc', 'other', '其他', '', false],
] as const;

export type OutcomeKey = (typeof table)[number][0];

export const outcomes: ReadonlyArray<Outcome> = table.map(([key, group, label, legalBasis, requiresLegalBasis]) => ({
  key,
  group,
  label,
  legalBasis,
  requiresLegalBasis,
}));

export const outcomeKeys: ReadonlyArray<OutcomeKey> = outcomes.map((o) => o.key);

const byKey = new Map(outcomes.map((o) => [o.key, o]));

export function isOutcomeKey(value: unknown): value is OutcomeKey {
  return typeof value === 'string' && byKey.has(value as OutcomeKey);
}

export function outcome(key: OutcomeKey): Outcome {
  return byKey.get(key)!;
}

export function outcomesInGroup(group: OutcomeGroup): Outcome[] {
  return outcomes.filter((o) => o.group === group);
}
