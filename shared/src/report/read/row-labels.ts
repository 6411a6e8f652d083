// Which row of table 三 a printed label is. Real reports number rows "1." or "1、", use
// ASCII or full-width brackets, put spaces inside labels, lose indentation, wrap labels
// over two lines and repeat the group heading on the item row. So a label is recognised by
// words only that row's printed label contains, not by its exact text or position.

import type { RowKey } from '../model';
import { canon } from './lines';

const keywords: ReadonlyArray<readonly [RowKey, readonly string[]]> = [
  ['new', ['新收']],
  ['carried_in', ['上年结转', '结转上年', '上年度结转']],
  ['carried_out', ['结转下年', '下年度继续办理', '转入下年']],
  ['open', ['予以公开']],
  ['partial', ['部分公开']],
  ['deny_secret', ['国家秘密']],
  ['deny_law', ['禁止公开']],
  ['deny_safety', ['三安全一稳定', '危及']],
  ['deny_third_party', ['第三方']],
  ['deny_internal', ['内部事务']],
  ['deny_process', ['过程性']],
  ['deny_enforcement', ['执法案卷']],
  ['deny_query', ['查询事项']],
  ['unable_not_held', ['不掌握']],
  ['unable_need_create', ['另行制作', '没有现成']],
  ['unable_unclear', ['仍不明确']],
  ['noproc_complaint', ['信访', '举报投诉']],
  ['noproc_repeat', ['重复申请']],
  ['noproc_publication', ['出版物']],
  ['noproc_mass', ['大量反复']],
  ['noproc_confirm', ['重新出具', '确认或重新']],
  ['other_no_correction', ['不补正']],
  ['other_unpaid_fee', ['缴纳费用', '收费通知']],
];

/** Numbering ("三、", "(七)", "1.", "2、") and group headings that carry no row of their own. */
const numbering = /\(?[一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.．]|\d+\s*[.、．]|\d+(?=[^\d.])/g;
const groupWords = /本年度办理结果|不予公开|无法提供|不予处理/g;

function strip(text: string): string {
  return canon(text).replace(numbering, '').replace(groupWords, '').replace(/[()（）.、:：,，]/g, '');
}

/** The row a label names, or null when it names none or several. */
export function classifyRowLabel(label: string): RowKey | null {
  const c = canon(label);
  if (c.length === 0) return null;
  const hits = keywords.filter(([, words]) => words.some((w) => c.includes(w))).map(([key]) => key);
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) return null;
  const rest = strip(label);
  if (rest === '总计' || rest === '合计') return 'total';
  if (rest === '其他' || rest === '其他情形' || rest === '其他处理其他') return 'other_misc';
  if (rest === '其他处理') return 'other_single';
  return null;
}

/** Words of table 三's column headings; a line made only of them is a header line. */
const headerWords = /勾稽关系|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|项目|\(本列数据的.*?\)/g;

export function isTable3Header(label: string): boolean {
  const c = canon(label);
  if (c.includes('勾稽关系') || c.includes('申请人情况')) return true;
  const words = c.match(headerWords) ?? [];
  return words.length >= 2 && c.replace(headerWords, '').replace(/[()（）]/g, '').length === 0;
}

/** A lone header word ("自然人", "其他") before the first data row is a header too. */
export function isTable3HeaderWord(label: string): boolean {
  const c = canon(label);
  return c.length > 0 && c.replace(headerWords, '').replace(/[()（）]/g, '').length === 0;
}
