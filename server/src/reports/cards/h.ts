// A tiny element builder for satori (which takes React-element-shaped objects), so the server
// needs no JSX setup. Satori lays out with flexbox: every div with several children must say
// display: 'flex'; h() sets it on every div unless the style says otherwise.
export type Style = Record<string, string | number>;
export type Child = CardNode | string | null | false | undefined;
export interface CardNode {
  type: string;
  props: { style?: Style; children?: Child | Child[]; src?: string; width?: number; height?: number };
}

export function h(type: 'div' | 'span', style: Style, ...children: Child[]): CardNode {
  const kids = children.filter((c): c is CardNode | string => c !== null && c !== false && c !== undefined);
  const display: Style = type === 'div' && style.display === undefined ? { display: 'flex' } : {};
  return { type, props: { style: { ...display, ...style }, children: kids.length === 1 ? kids[0] : kids } };
}

export function img(src: string, width: number, height: number, style: Style = {}): CardNode {
  return { type: 'img', props: { src, width, height, style: { width, height, ...style } } };
}
