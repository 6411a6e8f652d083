// Can this draft be published? Blockers stop publication (a report that breaks the form's own
// arithmetic or leaves a required part empty must not go out); cautions are returned with the
// publication for the reviewer (N1: a hand-typed figure in the narrative differs from the
// tables; X: this year's carry-in differs from last year's carry-out — both can have reasons).
import type { CheckResult } from '@zwgk/shared';
import type { ReportEditionData } from './edition';

const HARD = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'F1'] as const;
const SOFT = ['N1', 'X'] as const;

export interface Readiness {
  blockers: string[];
  cautions: string[];
}

export function readiness(data: ReportEditionData, checks: CheckResult): Readiness {
  const blockers: string[] = [];
  for (const id of HARD) for (const f of checks[id].failures) blockers.push(f.message);
  const s2 = data.report.section2;
  const missing = (['licensing', 'punishment', 'coercion', 'fees_wan_yuan'] as const).filter((k) => s2[k] === null);
  if (missing.length > 0 || [...s2.rules, ...s2.normative_docs].some((v) => v === null)) blockers.push('表二（主动公开政府信息情况）尚有空格，请在报告编辑中填写');
  const n = data.report.narrative;
  const sections: Array<[keyof typeof n, string]> = [
    ['section1', '一、总体情况'],
    ['section5', '五、存在的主要问题及改进情况'],
    ['section6', '六、其他需要报告的事项'],
  ];
  for (const [key, label] of sections) if (!n[key]?.trim()) blockers.push(`“${label}”尚未填写`);
  const cautions: string[] = [];
  for (const id of SOFT) for (const f of checks[id].failures) cautions.push(f.message);
  return { blockers, cautions };
}
