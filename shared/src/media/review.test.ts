import { publishRefusal, reviewProgress, reviewRefusal, type ReviewRecord } from './review';

const rec = (step: ReviewRecord['step'], staffId: string, revision = 1): ReviewRecord => ({ step, staffId, at: '2023-05-01T02:00:00.000Z', revision });

describe('三审 + 保密审查', () => {
  it('refuses publishing until all four are done, naming what is missing', () => {
    expect(publishRefusal([], 1)).toBe('尚未完成初审、复审、终审、保密审查，不能发布（须经初审、复审、终审和保密审查）');
    const three = [rec('first_review', 'a'), rec('second_review', 'b'), rec('final_review', 'c')];
    expect(publishRefusal(three, 1)).toContain('尚未完成保密审查');
    expect(publishRefusal([...three, rec('secrecy_check', 'a')], 1)).toBeNull();
  });

  it('keeps the order 初审 → 复审 → 终审; 保密审查 may come first', () => {
    expect(reviewRefusal([], 1, 'second_review', 'b', 'clerk')).toBe('请先完成初审，再进行复审');
    expect(reviewRefusal([], 1, 'secrecy_check', 'b', 'clerk')).toBeNull();
    expect(reviewRefusal([rec('first_review', 'a')], 1, 'final_review', 'c', 'reviewer')).toBe('请先完成复审，再进行终审');
  });

  it('needs three different people and a reviewer for 终审', () => {
    const two = [rec('first_review', 'a'), rec('second_review', 'b')];
    expect(reviewRefusal([rec('first_review', 'a')], 1, 'second_review', 'a', 'clerk')).toBe('复审须由未参与初审的人员完成');
    expect(reviewRefusal(two, 1, 'final_review', 'b', 'reviewer')).toBe('终审须由未参与复审的人员完成');
    expect(reviewRefusal(two, 1, 'final_review', 'c', 'clerk')).toBe('终审须由审核人或管理员完成');
    expect(reviewRefusal(two, 1, 'final_review', 'c', 'reviewer')).toBeNull();
  });

  it('voids reviews of an older revision (the content changed after they were signed)', () => {
    const all = [rec('first_review', 'a'), rec('second_review', 'b'), rec('final_review', 'c'), rec('secrecy_check', 'd')];
    expect(reviewProgress(all, 1).complete).toBe(true);
    expect(reviewProgress(all, 2).missing).toEqual(['first_review', 'second_review', 'final_review', 'secrecy_check']);
    expect(reviewRefusal(all, 1, 'first_review', 'a', 'clerk')).toBe('初审已完成，无需重复');
    expect(reviewRefusal(all, 2, 'first_review', 'a', 'clerk')).toBeNull();
  });
});
