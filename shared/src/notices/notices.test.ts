import { outcome, outcomeKeys } from '../outcomes';
import { composeNotice, hasMissingSlot, missingSlot, noticeTemplate, noticeTemplates, REMEDY_SENTENCE, type NoticeFacts } from '.';

const facts: NoticeFacts = {
  bodyName: '平武县人民政府办公室',
  number: 'PWZF-2026-000007',
  applicantName: '张三',
  receivedOn: '2026-03-02',
  subject: '2025年平武县南坝镇道路改造项目的立项批复文件',
  decidedOn: '2026-03-20',
};

it('has exactly one template per outcome of table 三', () => {
  expect(noticeTemplates.map((t) => t.outcome).sort()).toEqual([...outcomeKeys].sort());
});

it('cites the article of every outcome that needs a legal basis (Art. 36)', () => {
  for (const key of outcomeKeys) {
    const o = outcome(key);
    const text = composeNotice(key, { ...facts, correction: { requestedOn: '2026-03-04', dueOn: '2026-03-25', receivedOn: '2026-03-10' }, fee: { noticeOn: '2026-03-05', amount: 100 } }, fillAll(key)).text;
    if (!o.requiresLegalBasis) continue;
    // "《条例》第三十六条第（四）、（五）项" is cited as one of its items; the article number itself must appear.
    const article = /第([一二三四五六七八九十]+)条/.exec(o.legalBasis)![0];
    expect(text).toContain(article);
    expect(text).toContain('《中华人民共和国政府信息公开条例》');
  }
});

function fillAll(key: (typeof outcomeKeys)[number]) {
  return Object.fromEntries(noticeTemplate(key).extras.map((e) => [e.key, `填写的${e.label}`]));
}

it('fills the request facts, the remedies and the signature', () => {
  const n = composeNotice('open', facts);
  const lines = n.text.split('\n');
  expect(lines[0]).toBe('政府信息公开告知书');
  expect(lines[1]).toBe('张三：');
  expect(lines[2]).toBe('本机关于2026年3月2日收到您提出的政府信息公开申请（申请编号：PWZF-2026-000007），您申请获取：“2025年平武县南坝镇道路改造项目的立项批复文件”。');
  expect(n.text).toContain('第三十六条第（二）项');
  expect(n.text).toContain(REMEDY_SENTENCE);
  expect(lines.slice(-2)).toEqual(['平武县人民政府办公室', '2026年3月20日']);
  expect(n.legalBasis).toBe('《条例》第三十六条第（二）项'); // provided with the notice, not already published (第（一）项)
  expect(composeNotice('deny_secret', facts).legalBasis).toBe(outcome('deny_secret').legalBasis);
  expect(n.missing).toEqual([]);
});

it('names the responsible body for information this body does not hold (Art. 36(五)), else says it does not exist (Art. 36(四))', () => {
  const named = composeNotice('unable_not_held', facts, { responsibleBody: '平武县自然资源局', responsibleContact: '0816-8822000。' });
  expect(named.text).toContain('第三十六条第（五）项');
  expect(named.text).toContain('负责公开该政府信息的行政机关为平武县自然资源局（联系方式：0816-8822000），请您向该机关提出申请。');
  const none = composeNotice('unable_not_held', facts);
  expect(none.text).toContain('第三十六条第（四）项');
  expect(none.text).toContain('该政府信息不存在');
  expect(none.missing).toEqual([]);
  // The recorded basis is the item that applies.
  expect(named.legalBasis).toBe('《条例》第三十六条第（五）项');
  expect(none.legalBasis).toBe('《条例》第三十六条第（四）项');
});

it('leaves a visible placeholder for every required addition, and reports it missing', () => {
  const n = composeNotice('partial', facts, { withheldParts: '第三方的身份证号码' });
  expect(n.missing.map((m) => m.key)).toEqual(['withheldReason']);
  expect(n.text).toContain(missingSlot('不予公开的理由及依据'));
  expect(hasMissingSlot(n.text)).toBe(true);
  const done = composeNotice('partial', facts, { withheldParts: '第三方的身份证号码', withheldReason: '属于个人隐私' });
  expect(hasMissingSlot(done.text)).toBe(false);
  expect(done.text).toContain('第三方的身份证号码不予公开，理由是：属于个人隐私。');
});

it('quotes the correction dates (Art. 30)', () => {
  const correction = { requestedOn: '2026-03-04', dueOn: '2026-03-25', receivedOn: '2026-03-10' };
  expect(composeNotice('unable_unclear', { ...facts, correction }).text).toContain('本机关已于2026年3月4日告知您对申请内容作出补正');
  expect(composeNotice('deny_process', { ...facts, correction }).text).toContain('并于2026年3月10日收到您的补正内容');
  expect(composeNotice('other_no_correction', { ...facts, correction: { ...correction, receivedOn: null } }).text).toContain('补正期限至2026年3月25日');
});
