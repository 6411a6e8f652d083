// How long a status is, counted the way Weibo counts "140个汉字" — the rule
// this simulator enforces (and the client must respect), documented here
// because Weibo does not publish one formula:
//   - a character up to U+00FF (ASCII, Latin-1: letters, digits, half-width
//     punctuation, spaces) weighs half a 字; any other character weighs one;
//   - every http(s) link weighs 10 字 whatever its length, because Weibo
//     replaces it with a t.cn short link (about 20 half-width characters);
//   - the total is rounded up. The limit is 140.

export const WEIBO_LIMIT = 140;
export const WEIBO_LINK_WEIGHT = 10;
export const LINK = /https?:\/\/[\x21-\x7e]+/g;

export function weiboLength(text: string): number {
  let half = 0;
  const withoutLinks = text.replace(LINK, () => {
    half += WEIBO_LINK_WEIGHT * 2;
    return '';
  });
  for (const ch of withoutLinks) half += ch.codePointAt(0)! <= 0xff ? 1 : 2;
  return Math.ceil(half / 2);
}

export function linksIn(text: string): string[] {
  return text.match(LINK) ?? [];
}
