// The special days of one year as the console lists them: runs of days off under one name
// ("2月5日至12日 春节 放假8天") and single make-up working days, each with where it comes from.
import { addDays, baseYears, weekdayName, type Calendar, type LegalDate, type PublishedCalendar } from '@zwgk/shared';

export type DaySource = 'notice' | 'county' | 'statutory';

export interface SpecialRun {
  from: LegalDate;
  to: LegalDate;
  kind: 'off' | 'work';
  name: string;
  days: number;
  source: DaySource;
  /** Days of the run the county entered itself (an override), which it may take back. */
  entered: LegalDate[];
}

const md = (d: LegalDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`;

export function runLabel(run: SpecialRun): string {
  const when = run.from === run.to ? `${md(run.from)}（${weekdayName(run.from)}）` : `${md(run.from)}至${md(run.to)}`;
  return run.kind === 'off' ? `${when} 放假${run.days}天` : `${when} 上班`;
}

export const sourceLabels: Record<DaySource, string> = { notice: '国务院办公厅通知', county: '本县录入', statutory: '法定节假日' };

export function specialRuns(calendar: Calendar, published: Pick<PublishedCalendar, 'overrides'>, year: number): SpecialRun[] {
  const entered = new Set(published.overrides.map((o) => o.date));
  // A year whose notice the app was built with names its days after the notice; in any other year
  // the days nobody entered are the law's own (statutory.ts), also once the county confirmed it.
  const noticeYear = baseYears.includes(year);
  const runs: SpecialRun[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const info = calendar.dayInfo(d);
    const kind = info.reason === 'holiday' ? 'off' : info.reason === 'makeup_workday' ? 'work' : null;
    if (!kind) continue;
    const source: DaySource = entered.has(d) ? 'county' : noticeYear ? 'notice' : 'statutory';
    const name = info.name ?? (kind === 'off' ? '放假' : '调休上班');
    const last = runs[runs.length - 1];
    if (last && kind === 'off' && last.kind === 'off' && last.name === name && addDays(last.to, 1) === d) {
      last.to = d;
      last.days += 1;
      if (source === 'county') last.entered.push(d);
      if (source !== last.source && source === 'county') last.source = 'county';
    } else runs.push({ from: d, to: d, kind, name, days: 1, source, entered: source === 'county' ? [d] : [] });
  }
  return runs;
}
