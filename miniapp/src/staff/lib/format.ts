// Dates and instants as staff read them. Legal dates are 'YYYY-MM-DD' (Asia/Shanghai) already;
// instants are shown in Beijing time whatever the phone's zone.
import { legalDateOf, type LegalDate } from '@zwgk/shared';

/** '3月5日', with the year when it is not the current one. */
export function shortDate(date: LegalDate | null | undefined, today: LegalDate = legalDateOf(Date.now())): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-');
  const md = `${Number(m)}月${Number(d)}日`;
  return y === today.slice(0, 4) ? md : `${y}年${md}`;
}

/** '3月5日 14:20' (Beijing time). */
export function shortInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const shifted = new Date(ms + 8 * 3600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${shortDate(legalDateOf(ms))} ${hh}:${mm}`;
}

/** Today's legal date. */
export const todayLegal = (): LegalDate => legalDateOf(Date.now());

/** 'YYYY-MM' of a legal date, for the per-month fee count. */
export const monthOf = (date: LegalDate): string => date.slice(0, 7);
