// The four card layouts. A calm, official look: warm white paper, a thin 中国红 band, ink
// text, the headline numbers large and bold, grey labels, a source line at the foot. Only
// the figures the report has are shown (an imported report has no on-time rate), and the grid
// adapts to how many there are.
import type { Headline, HeadlineFigure } from '../headline';
import { h, img, type CardNode, type Style } from './h';
import { CARD_FONT_FAMILY } from './fonts';

export const cardSizes = {
  chat: { width: 500, height: 400, label: '聊天分享（5:4）' },
  moments: { width: 600, height: 600, label: '朋友圈（1:1）' },
  og: { width: 1200, height: 630, label: '网页链接预览（1200×630）' },
  poster: { width: 750, height: 1334, label: '海报（含二维码）' },
} as const;
export type CardSize = keyof typeof cardSizes;
export const cardSizeNames = Object.keys(cardSizes) as CardSize[];

const C = {
  paper: '#fbfaf7',
  ink: '#1d2129',
  grey: '#5c6370',
  faint: '#8a8f98',
  rule: '#e6e2da',
  red: '#a8201a',
  redDark: '#861812',
  tile: '#ffffff',
  draft: '#b26a00',
};
/** Outcome groups in calm tones (予以公开 → 其他处理). */
const OUTCOME_COLOURS: Record<string, string> = {
  予以公开: '#3f7d4e',
  部分公开: '#8aa95b',
  不予公开: '#b5543c',
  无法提供: '#d2a24c',
  不予处理: '#8a8f98',
  其他处理: '#5f7fa8',
};

const root = (size: CardSize, style: Style, ...children: CardNode[]) =>
  h(
    'div',
    {
      width: cardSizes[size].width,
      height: cardSizes[size].height,
      boxSizing: 'border-box', // width + padding must not overflow the card
      flexDirection: 'column',
      backgroundColor: C.paper,
      color: C.ink,
      fontFamily: CARD_FONT_FAMILY,
      ...style,
    },
    ...children,
  );

/** Smaller type for long body names so they stay on one or two lines. */
const nameSize = (name: string, base: number) => (name.length <= 10 ? base : name.length <= 14 ? Math.round(base * 0.85) : Math.round(base * 0.7));

/** Bold digits of Noto Sans SC are ≈ 0.56 em wide; 0.6 leaves a margin. */
const DIGIT_EM = 0.6;

/** The value's font size, shrunk until value + unit fit the tile (six-digit counts exist). */
export function fitValueSize(value: string, s: { value: number; unit: number; pad: number }, width: number): number {
  const room = width - 2 * s.pad - (s.unit * 1.1 + 6);
  return Math.max(12, Math.min(s.value, Math.floor(room / (value.length * DIGIT_EM))));
}

function tile(f: HeadlineFigure, s: { value: number; unit: number; label: number; detail: number; pad: number }, width: number): CardNode {
  return h(
    'div',
    { flexDirection: 'column', width, padding: s.pad, boxSizing: 'border-box' },
    h('div', { fontSize: s.label, color: C.grey }, f.label),
    h(
      'div',
      { alignItems: 'baseline', marginTop: Math.round(s.pad / 3) },
      h('span', { fontSize: fitValueSize(f.value, s, width), fontWeight: 700, color: C.red, lineHeight: 1 }, f.value),
      h('span', { fontSize: s.unit, color: C.ink, marginLeft: 4 }, f.unit),
    ),
    f.detail ? h('div', { fontSize: s.detail, color: C.faint, marginTop: Math.round(s.pad / 3) }, f.detail) : null,
  );
}

function grid(figures: HeadlineFigure[], perRow: number, s: Parameters<typeof tile>[1], width: number): CardNode {
  const each = Math.floor(width / perRow);
  return h('div', { flexWrap: 'wrap', width }, ...figures.map((f) => tile(f, s, each)));
}

function outcomeBar(outcomes: Headline['outcomes'], s: { height: number; legend: number }): CardNode | null {
  const total = outcomes.reduce((a, o) => a + o.value, 0);
  if (total === 0) return null;
  return h(
    'div',
    { flexDirection: 'column', width: '100%' },
    h('div', { fontSize: s.legend, color: C.grey, marginBottom: 8 }, `办理结果（本年办结${total}件）`),
    h('div', { width: '100%', height: s.height, borderRadius: s.height / 2, overflow: 'hidden' }, ...outcomes.map((o) => h('div', { flexGrow: o.value, flexBasis: 0, height: '100%', backgroundColor: OUTCOME_COLOURS[o.label] ?? C.faint }))),
    h(
      'div',
      { flexWrap: 'wrap', marginTop: 8 },
      ...outcomes.map((o) =>
        h(
          'div',
          { alignItems: 'center', marginRight: 16, marginTop: 4, fontSize: s.legend, color: C.ink },
          h('div', { width: s.legend * 0.7, height: s.legend * 0.7, borderRadius: 2, backgroundColor: OUTCOME_COLOURS[o.label] ?? C.faint, marginRight: 6 }),
          `${o.label} ${o.value}`,
        ),
      ),
    ),
  );
}

const draftMark = (d: Headline, fontSize: number) => (d.draft ? h('span', { fontSize, color: C.draft, marginLeft: 10, fontWeight: 700 }, '草稿') : null);

function header(d: Headline, s: { name: number; title: number }): CardNode {
  return h(
    'div',
    { flexDirection: 'column' },
    h('div', { fontSize: nameSize(d.body, s.name), fontWeight: 700, color: C.ink }, d.body),
    h('div', { alignItems: 'center', marginTop: 6 }, h('span', { fontSize: s.title, color: C.grey }, d.title), draftMark(d, s.title)),
  );
}

function footer(d: Headline, fontSize: number, link?: string): CardNode {
  const line = { borderTop: `1px solid ${C.rule}`, paddingTop: Math.round(fontSize * 0.8), fontSize, color: C.faint };
  if (link) {
    // Wide cards: the source on its own line, the address of the share page under it.
    return h('div', { ...line, flexDirection: 'column' }, h('span', {}, d.source), h('span', { marginTop: 4, color: C.grey }, link));
  }
  return h('div', { ...line, justifyContent: 'space-between', alignItems: 'flex-start' }, h('span', { flexShrink: 1 }, d.source), h('span', { flexShrink: 0, marginLeft: 12 }, d.stamp));
}

const band = (height: number) => h('div', { width: '100%', height, backgroundColor: C.red });

export function chatCard(d: Headline): CardNode {
  return root(
    'chat',
    {},
    band(6),
    h(
      'div',
      { flexDirection: 'column', flexGrow: 1, padding: '20px 26px 16px', justifyContent: 'space-between' },
      header(d, { name: 24, title: 15 }),
      grid(d.figures, 3, { value: 34, unit: 14, label: 13, detail: 11, pad: 6 }, 448),
      footer(d, 10),
    ),
  );
}

export function momentsCard(d: Headline): CardNode {
  return root(
    'moments',
    {},
    band(8),
    h(
      'div',
      { flexDirection: 'column', flexGrow: 1, padding: '28px 32px 20px', justifyContent: 'space-between' },
      header(d, { name: 30, title: 18 }),
      grid(d.figures, 3, { value: 46, unit: 17, label: 16, detail: 12, pad: 8 }, 536),
      outcomeBar(d.outcomes, { height: 14, legend: 13 }) ?? h('div', {}),
      footer(d, 12),
    ),
  );
}

export function ogCard(d: Headline, link: string): CardNode {
  return root(
    'og',
    { flexDirection: 'row' },
    h(
      'div',
      { flexDirection: 'column', justifyContent: 'space-between', width: 430, height: '100%', padding: '56px 44px', boxSizing: 'border-box', backgroundColor: C.red, color: '#ffffff' },
      h(
        'div',
        { flexDirection: 'column' },
        h('div', { fontSize: 22, opacity: 0.85 }, '政府信息公开工作年度报告'),
        h('div', { fontSize: nameSize(d.body, 34), fontWeight: 700, marginTop: 18, lineHeight: 1.35 }, d.body),
      ),
      h(
        'div',
        { flexDirection: 'column' },
        h('div', { fontSize: 96, fontWeight: 700, lineHeight: 1 }, String(d.year)),
        h('div', { fontSize: 22, marginTop: 12, opacity: 0.9 }, d.draft ? '草稿 · 未发布' : d.stamp),
      ),
    ),
    h(
      'div',
      { flexDirection: 'column', flexGrow: 1, flexBasis: 0, padding: '48px 52px 36px', justifyContent: 'space-between' },
      grid(d.figures, 3, { value: 64, unit: 22, label: 22, detail: 16, pad: 10 }, 666),
      outcomeBar(d.outcomes, { height: 16, legend: 17 }) ?? h('div', {}),
      footer(d, 15, link),
    ),
  );
}

export function posterCard(d: Headline, qr: string, link: string): CardNode {
  const [hero, ...rest] = d.figures;
  return root(
    'poster',
    {},
    h(
      'div',
      { flexDirection: 'column', backgroundColor: C.red, color: '#ffffff', padding: '72px 56px 56px' },
      h('div', { fontSize: 26, opacity: 0.85 }, `${d.year}年度`),
      h('div', { fontSize: nameSize(d.body, 52), fontWeight: 700, marginTop: 14, lineHeight: 1.25 }, d.body),
      h('div', { fontSize: 30, marginTop: 12 }, '政府信息公开工作年度报告'),
      h('div', { fontSize: 22, marginTop: 22, opacity: 0.85 }, d.draft ? '草稿 · 未发布' : d.stamp),
    ),
    h(
      'div',
      { flexDirection: 'column', flexGrow: 1, padding: '44px 56px 0', justifyContent: 'space-between' },
      hero ? tile(hero, { value: 150, unit: 40, label: 30, detail: 22, pad: 4 }, 638) : h('div', {}),
      h('div', { width: '100%', height: 1, backgroundColor: C.rule }),
      grid(rest, 2, { value: 60, unit: 22, label: 22, detail: 18, pad: 8 }, 638),
      outcomeBar(d.outcomes, { height: 20, legend: 20 }) ?? h('div', {}),
    ),
    h(
      'div',
      { alignItems: 'center', margin: '36px 56px 48px', padding: 20, backgroundColor: C.tile, border: `1px solid ${C.rule}`, borderRadius: 12 },
      img(qr, 168, 168),
      h(
        'div',
        { flexDirection: 'column', marginLeft: 24, flexGrow: 1, flexBasis: 0 },
        h('div', { fontSize: 28, fontWeight: 700 }, '扫码查看完整报告'),
        h('div', { fontSize: 18, color: C.grey, marginTop: 10 }, d.source),
        h('div', { fontSize: 16, color: C.faint, marginTop: 8 }, link),
      ),
    ),
  );
}
