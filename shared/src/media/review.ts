// The review before publishing (“三审” 初审 → 复审 → 终审, plus 保密审查):
// 条例 Art. 17 makes each body responsible for checking what it publishes,
// and the 保密法 Art. 36 / 条例 Art. 17 require a confidentiality review before
// government information is released. Reviews are bound to the revision of
// the content they approved: editing the item makes them void.
import type { Role } from '../lifecycle/roles';

export const reviewSteps = ['first_review', 'second_review', 'final_review', 'secrecy_check'] as const;
export type ReviewStep = (typeof reviewSteps)[number];

export const reviewStepLabels: Record<ReviewStep, string> = { first_review: '初审', second_review: '复审', final_review: '终审', secrecy_check: '保密审查' };

/** The three reviews happen in this order; 保密审查 may happen at any point. */
const sequence: ReadonlyArray<ReviewStep> = ['first_review', 'second_review', 'final_review'];

export interface ReviewRecord {
  step: ReviewStep;
  staffId: string;
  staffName?: string;
  /** ISO instant */
  at: string;
  /** the content revision that was approved */
  revision: number;
  opinion?: string;
}

export interface ReviewProgress {
  /** valid reviews (of the current revision), by step */
  done: Partial<Record<ReviewStep, ReviewRecord>>;
  missing: ReviewStep[];
  complete: boolean;
}

export function reviewProgress(reviews: ReadonlyArray<ReviewRecord>, revision: number): ReviewProgress {
  const done: Partial<Record<ReviewStep, ReviewRecord>> = {};
  for (const r of reviews) if (r.revision === revision) done[r.step] = r;
  const missing = reviewSteps.filter((s) => !done[s]);
  return { done, missing, complete: missing.length === 0 };
}

/** Roles allowed to sign a step: 终审 is the head of the office's decision. */
const allowedRoles: Record<ReviewStep, ReadonlyArray<Role>> = {
  first_review: ['clerk', 'handler', 'reviewer', 'admin'],
  second_review: ['clerk', 'handler', 'reviewer', 'admin'],
  final_review: ['reviewer', 'admin'],
  secrecy_check: ['clerk', 'handler', 'reviewer', 'admin'],
};

/** Why `staffId` (with `role`) cannot sign `step` now (Chinese), or null. */
export function reviewRefusal(reviews: ReadonlyArray<ReviewRecord>, revision: number, step: ReviewStep, staffId: string, role: Role): string | null {
  const { done } = reviewProgress(reviews, revision);
  const label = reviewStepLabels[step];
  if (done[step]) return `${label}已完成，无需重复`;
  if (!allowedRoles[step].includes(role)) return `${label}须由审核人或管理员完成`;
  const index = sequence.indexOf(step);
  if (index > 0) {
    const previous = sequence[index - 1]!;
    if (!done[previous]) return `请先完成${reviewStepLabels[previous]}，再进行${label}`;
    // Three reviews mean three people: nobody approves their own approval again.
    const signedBefore = sequence.slice(0, index).find((s) => done[s]?.staffId === staffId);
    if (signedBefore) return `${label}须由未参与${reviewStepLabels[signedBefore]}的人员完成`;
  }
  return null;
}

/** Why the item cannot be published yet (Chinese), or null when every review is done. */
export function publishRefusal(reviews: ReadonlyArray<ReviewRecord>, revision: number): string | null {
  const { missing } = reviewProgress(reviews, revision);
  if (missing.length === 0) return null;
  return `尚未完成${missing.map((s) => reviewStepLabels[s]).join('、')}，不能发布（须经初审、复审、终审和保密审查）`;
}
