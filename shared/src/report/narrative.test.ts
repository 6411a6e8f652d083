import { findFiguresInText } from './narrative';

const figures = (text: string) => findFiguresInText(text).map((f) => [f.key, f.value]);

describe('figures quoted in the narrative', () => {
  it.each([
    // The seed's phrasing.
    [
      '2023 年，收到和处理政府信息公开申请 7 件，结转上年度办理信息公开申请 0 件，结转下年度继续办理 0 件。因政府信息公开申请的行政复议 1 件、行政诉讼 2 件。',
      [['new', 7], ['carried_in', 0], ['carried_out', 0], ['review', 1], ['litigation', 2]],
    ],
    ['全年共收到政府信息公开申请12件，其中自然人申请10件。', [['new', 12]]],
    ['本年度新收政府信息公开申请数量为３件，上年结转２件，已全部办结。', [['new', 3], ['carried_in', 2]]],
    ['共受理依申请公开政府信息 15 件，办结 14 件，结转至下一年度 1 件。', [['new', 15], ['carried_out', 1], ['concluded', 14]]],
    ['本机关收到申请七件，均按时答复。', [['new', 7]]],
    ['全年收到行政复议申请 2 件。', [['review', 2]]], // a review, not a disclosure request
    ['发生政府信息公开行政复议、行政诉讼各 1 件。', [['review', 1], ['litigation', 1]]],
    ['本年度未发生因政府信息公开引起的行政复议和行政诉讼。', [['review', 0], ['litigation', 0]]],
    ['2020 年，我单位未出现申请行政复议、提起行政诉讼的情况。', [['review', 0], ['litigation', 0]]],
    ['行政复议决定维持 1 件。', []], // a result, not the total
    ['本年制发行政规范性文件 2 件，废止 2 件，现行有效 8 件。', [['normative_issued', 2], ['normative_abolished', 2], ['normative_in_force', 8]]],
    ['本年度制发规章 0 件；印发规范性文件 3 件，宣布失效 1 件。', [['rules_issued', 0], ['normative_issued', 3], ['normative_abolished', 1]]],
    ['主动公开以县政府名义制发的各类文件 121 件，其中政策文件 29 件。', []],
    ['健全规章制度 3 项，开展培训 4 次。', []],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expect.arrayContaining(expected));
    expect(figures(text)).toHaveLength(expected.length);
  });

  it('keeps the phrase it read', () => {
    expect(findFiguresInText('2023 年，收到和处理政府信息公开申请 7 件。')[0]).toEqual({
      key: 'new',
      value: 7,
      quote: '收到和处理政府信息公开申请 7 件',
      section: 'section1',
    });
  });
});
