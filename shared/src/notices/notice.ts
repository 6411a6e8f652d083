// The reply notice (告知书) as text: the template of the outcome filled with the request's facts
// and the office's additions. Staff edit the result before sending (the console keeps the
// edited text); `missingSlot` marks what still has to be written, so an unfinished notice is
// visible as such and the console refuses to send it.
import { outcome as outcomeOf, type OutcomeKey } from '../outcomes';
import { dateText, noticeTemplate, type NoticeExtra, type NoticeExtraKey, type NoticeExtras, type NoticeFacts } from './templates';

export interface Notice {
  outcome: OutcomeKey;
  title: string;
  /** The whole notice, paragraphs separated by '\n'. */
  text: string;
  /** The legal basis to record with the decision (the outcome's articles, narrowed by the additions where they decide). */
  legalBasis: string;
  /** Required additions still empty (their placeholders are in the text). */
  missing: NoticeExtra[];
}

const MISSING_OPEN = '【请填写：';

/** The placeholder left in the text for an unwritten required addition. */
export const missingSlot = (label: string) => `${MISSING_OPEN}${label}】`;

/** Whether a (possibly edited) notice still contains an unwritten placeholder. */
export function hasMissingSlot(text: string): boolean {
  return text.includes(MISSING_OPEN);
}

/** Trailing sentence punctuation would double up with the template's own. */
const clean = (v: string | undefined) => (v ?? '').trim().replace(/[。；;，,.\s]+$/u, '');

/** Art. 51: the applicant may seek reconsideration (60 days, 行政复议法 Art. 20) or sue (6 months, 行政诉讼法 Art. 46). */
export const REMEDY_SENTENCE = '如对本答复不服，您可以自收到本告知书之日起60日内依法申请行政复议，或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。';

export function composeNotice(outcome: OutcomeKey, facts: NoticeFacts, extrasInput: NoticeExtras = {}): Notice {
  const template = noticeTemplate(outcome);
  const extras: NoticeExtras = {};
  for (const [k, v] of Object.entries(extrasInput)) if (clean(v)) extras[k as NoticeExtraKey] = clean(v);
  const missing = template.extras.filter((e) => e.required && !extras[e.key]);
  const slot = (key: NoticeExtraKey) => extras[key] ?? missingSlot(template.extras.find((e) => e.key === key)?.label ?? key);

  const intro = `${facts.receivedOn ? `本机关于${dateText(facts.receivedOn)}` : '本机关'}收到您提出的政府信息公开申请（申请编号：${facts.number}），您申请获取：“${clean(facts.subject)}”。`;
  const corrected =
    facts.correction?.receivedOn && outcome !== 'unable_unclear'
      ? [`本机关于${dateText(facts.correction.requestedOn)}告知您补正申请，并于${dateText(facts.correction.receivedOn)}收到您的补正内容。`]
      : [];
  const paragraphs = [
    template.title,
    `${facts.applicantName}：`,
    intro,
    ...corrected,
    ...template.answer(facts, extras, slot),
    REMEDY_SENTENCE,
    '特此告知。',
    facts.bodyName,
    dateText(facts.decidedOn),
  ];
  return { outcome, title: template.title, text: paragraphs.join('\n'), legalBasis: template.basis?.(extras) ?? outcomeOf(outcome).legalBasis, missing };
}
