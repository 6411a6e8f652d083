// How a request's phase reads on a chip: the label comes from the server (statusLabel of
// @zwgk/shared for the citizen); the tone says whether the citizen has to act.
import type { CitizenRequestSummary, Phase } from '@zwgk/shared';
import type { StatusTone } from '../components';

const tones: Record<Phase, StatusTone> = {
  none: 'neutral',
  submitted: 'progress',
  received: 'progress',
  correction_requested: 'waiting',
  consultation: 'progress',
  fee_pending: 'waiting',
  decided: 'progress',
  approved: 'progress',
  delivered: 'done',
  closed: 'done',
  withdrawn: 'neutral',
};

export function phaseTone(phase: Phase, overdue = false): StatusTone {
  if (overdue && tones[phase] === 'progress') return 'danger';
  return tones[phase];
}

/** '2026-03-05' → '3月5日'; with the year when it is not this year. */
export function shortDate(date: string, today = new Date()): string {
  const [y, m, d] = date.split('-');
  if (!y || !m || !d) return date;
  return Number(y) === today.getFullYear() ? `${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月${Number(d)}日`;
}

/** An instant as '3月5日 14:20' (local time of the phone). */
export function shortTime(iso: string, today = new Date()): string {
  const t = new Date(iso);
  const date = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  return `${shortDate(date, today)} ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}

/** Newest activity first (the server sorts so too; a refreshed row must not stay out of place). */
export function byActivity(items: ReadonlyArray<CitizenRequestSummary>): CitizenRequestSummary[] {
  return [...items].sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0));
}
