// Soft hints, not errors: the regulation does not forbid several matters in one request, but
// one matter per request (一事一申请) is how offices process them fastest.
import { ONE_MATTER_HINT } from './options';

/** Looks for an enumeration ("1、… 2、…", "一是…二是…", "（1）…（2）…") in the description. */
export function descriptionHints(description: string): string[] {
  const markers = description.match(/(?:^|[\s，,；;。:：])(?:[（(]?[1-9一二三四五六七八九十][)）、.．]|[一二三四五六七八九十]是)/g) ?? [];
  return markers.length >= 2 ? [ONE_MATTER_HINT] : [];
}
