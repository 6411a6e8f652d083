// The office head's supervision view (督办): open requests overdue or due within
// DUE_SOON_WORKING_DAYS, per department (assignee's department) or, for a county-wide admin, per
// body; the year's handling time and outcomes. Everything is derived with the shared clock and
// the report's own counting (reportFacts: a request counts in the year it was concluded).
import {
  DUE_SOON_WORKING_DAYS,
  daysBetween,
  isConcluded,
  outcome as outcomeOf,
  outcomeGroups,
  outcomeKeys,
  reportFacts,
  type OutcomeKey,
  type SupervisionUnit,
  type SupervisionView,
} from '@zwgk/shared';
import type { StaffActor } from '../../auth/actor';
import { today, type RequestsDeps } from '../../requests/commands/deps';
import { staffInbox, type InboxEntry } from '../../requests/commands/inbox';
import { viewContext } from '../../requests/commands/view';
import { presentInboxItem } from '../../requests/presenters';

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

export async function supervision(deps: RequestsDeps, actor: StaffActor, year: number): Promise<SupervisionView> {
  // Every request I may see (the inbox command scopes by body or county and computes each clock for today).
  const { entries } = await staffInbox(deps, actor, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const calendar = await deps.calendar();
  const ctx = await viewContext(deps, entries.map((e) => e.record), { staffNames: true });
  const countyWide = actor.countyWide && actor.role === 'admin';

  const open = entries.filter((e) => !isConcluded(e.state.phase));
  const isOverdue = (e: InboxEntry) => e.clock.overdue;
  const isDueSoon = (e: InboxEntry) => !e.clock.overdue && e.clock.workingDaysLeft !== null && e.clock.workingDaysLeft <= DUE_SOON_WORKING_DAYS;
  const overdue = open.filter(isOverdue).sort((a, b) => (a.clock.workingDaysLeft ?? 0) - (b.clock.workingDaysLeft ?? 0));
  const dueSoon = open.filter(isDueSoon); // already in deadline order

  const units = new Map<string, SupervisionUnit>();
  for (const e of open) {
    const a = e.state.assignee;
    const key = countyWide ? e.record.bodyId : (a?.department ?? (a ? (ctx.staffNames?.get(a.id) ?? a.name ?? a.id) : ''));
    const label = countyWide ? (ctx.bodyNames.get(e.record.bodyId) ?? e.record.bodyId) : key || '未分办';
    const u = units.get(key) ?? { key, label, open: 0, dueSoon: 0, overdue: 0 };
    u.open += 1;
    if (isOverdue(e)) u.overdue += 1;
    else if (isDueSoon(e)) u.dueSoon += 1;
    units.set(key, u);
  }

  const counts = new Map<OutcomeKey, number>();
  const workingDays: number[] = [];
  const calendarDays: number[] = [];
  let onTime = 0;
  let late = 0;
  for (const e of entries) {
    const facts = reportFacts(e.state);
    if (!facts.receivedOn || !facts.concludedOn || !facts.outcome || Number(facts.concludedOn.slice(0, 4)) !== year) continue;
    counts.set(facts.outcome, (counts.get(facts.outcome) ?? 0) + 1);
    workingDays.push(calendar.workingDaysBetween(facts.receivedOn, facts.concludedOn));
    calendarDays.push(daysBetween(facts.receivedOn, facts.concludedOn));
    if (e.clock.onTime === true) onTime += 1;
    else if (e.clock.onTime === false) late += 1;
  }

  return {
    year,
    today: today(deps),
    dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
    overdue: overdue.map((e) => presentInboxItem(e.record, ctx, e.state, e.clock)),
    dueSoon: dueSoon.map((e) => presentInboxItem(e.record, ctx, e.state, e.clock)),
    units: [...units.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open || a.label.localeCompare(b.label, 'zh')),
    handling: { concluded: workingDays.length, averageWorkingDays: mean(workingDays), averageCalendarDays: mean(calendarDays), onTime, late },
    outcomes: outcomeKeys.map((key) => {
      const o = outcomeOf(key);
      return { outcome: key, label: o.label, group: o.group, groupLabel: outcomeGroups.find((g) => g.group === o.group)!.label, count: counts.get(key) ?? 0 };
    }),
  };
}
