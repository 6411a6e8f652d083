// How the legal clock reads to a person. The number of working days is computed by the
// shared legal clock (Art. 33: 20 working days, extendable once by 20; correction time
// under Art. 30 does not count); this file only decides wording and urgency.

export type DeadlineTone = 'normal' | 'due-soon' | 'overdue' | 'paused';

/** Staff console rule (issue 6): due within 3 working days is amber. */
export const dueSoonWorkingDays = 3;

export function deadlineTone(workingDaysLeft: number, paused = false): DeadlineTone {
  if (paused) return 'paused';
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft <= dueSoonWorkingDays) return 'due-soon';
  return 'normal';
}

export function deadlineText(workingDaysLeft: number, paused = false): string {
  if (paused) return '暂停计时';
  if (workingDaysLeft < 0) return `已超期 ${-workingDaysLeft} 个工作日`;
  if (workingDaysLeft === 0) return '今天到期';
  return `还剩 ${workingDaysLeft} 个工作日`;
}
