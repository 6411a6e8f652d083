// Fitting a status into Weibo's 140 字 while keeping the link to the item on
// the body's own site (statuses/share requires a link of the app's 安全域名).
// Counting rule (Weibo publishes none; the simulator enforces the same):
//   a character up to U+00FF weighs ½ 字, any other character 1 字,
//   every http(s) link 10 字 (Weibo shortens it to a t.cn link),
//   total rounded up.

export const WEIBO_STATUS_LIMIT = 140;
export const WEIBO_LINK_WEIGHT = 10;
const LINK = /https?:\/\/[\x21-\x7e]+/g;

const halfUnits = (ch: string) => (ch.codePointAt(0)! <= 0xff ? 1 : 2);

export function weiboLength(text: string): number {
  let half = 0;
  const rest = text.replace(LINK, () => {
    half += WEIBO_LINK_WEIGHT * 2;
    return '';
  });
  for (const ch of rest) half += halfUnits(ch);
  return Math.ceil(half / 2);
}

export function linksOf(text: string): string[] {
  return text.match(LINK) ?? [];
}

/**
 * The status as posted: `text` (plus `link` when given, appended after a
 * space) if it fits; otherwise the words are cut with '…' and the link(s)
 * kept whole at the end. '#' is replaced because share refuses #话题词#.
 */
export function fitWeiboStatus(text: string, link?: string, limit = WEIBO_STATUS_LIMIT): string {
  const clean = text.replace(/#/g, '＃').replace(/\s+/g, ' ').trim();
  const full = link ? `${clean} ${link}` : clean;
  if (weiboLength(full) <= limit) return full;

  const links = link ? [link] : linksOf(clean);
  const words = clean.replace(LINK, ' ').replace(/\s+/g, ' ').trim();
  const tail = links.map((l) => ` ${l}`).join('');
  const budget = (limit - weiboLength(tail)) * 2 - halfUnits('…');
  let used = 0;
  let out = '';
  for (const ch of words) {
    if (used + halfUnits(ch) > budget) break;
    used += halfUnits(ch);
    out += ch;
  }
  return `${out.trimEnd()}…${tail}`;
}
