// Rendering a card: satori (layout + glyphs → SVG paths, so the SVG needs no fonts) and, for
// PNG, @resvg/resvg-js (SVG → pixels, with system fonts off: there is no text left to shape).
//
// Cached by content: the key is a hash of everything drawn (headline, size, format, link,
// layout version), which is also the ETag — a published edition's headline never changes, so
// neither do its cards; a draft's change as soon as one of its figures does. The bytes are kept
// in a small in-memory LRU (the same key renders the same bytes in any instance, so instances
// need not share it); concurrent requests for one key share one render.
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { canonicalJson, sha256 } from '../edition';
import { BytesLru, SingleFlight } from '../lru';
import type { Headline } from '../headline';
import { cardFonts } from './fonts';
import { cardSizes, chatCard, momentsCard, ogCard, posterCard, type CardSize } from './layouts';
import type { CardNode } from './h';
import { qrDataUri } from './qr';

/** Bump when a layout changes: every ETag changes with it. */
export const CARD_LAYOUT_VERSION = 1;

export type CardFormat = 'png' | 'svg';

export interface CardRequest {
  headline: Headline;
  size: CardSize;
  format: CardFormat;
  /** The share page (QR code on the poster, link line on og and poster). */
  shareUrl: string;
}

export interface RenderedCard {
  body: Buffer;
  etag: string;
  contentType: string;
}

export function cardKey(req: CardRequest): string {
  return sha256(canonicalJson({ v: CARD_LAYOUT_VERSION, ...req })).slice(0, 32);
}

export const cardEtag = (key: string) => `"card-${key}"`;

function layout(req: CardRequest): CardNode {
  const link = req.shareUrl.replace(/^https?:\/\//, '');
  switch (req.size) {
    case 'chat':
      return chatCard(req.headline);
    case 'moments':
      return momentsCard(req.headline);
    case 'og':
      return ogCard(req.headline, link);
    case 'poster':
      return posterCard(req.headline, qrDataUri(req.shareUrl), link);
  }
}

/** Text satori had no glyph for (would be boxes): must stay empty; logged by the route. */
export const missingGlyphs = new Set<string>();

export async function renderSvg(req: Omit<CardRequest, 'format'>): Promise<string> {
  const fonts = await cardFonts();
  const { width, height } = cardSizes[req.size];
  return satori(layout({ ...req, format: 'svg' }) as never, {
    width,
    height,
    fonts,
    loadAdditionalAsset: async (_code: string, segment: string) => {
      missingGlyphs.add(segment);
      return [];
    },
  });
}

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

// ---- cache ------------------------------------------------------------------------------

const cache = new BytesLru<RenderedCard>(200, 48 * 1024 * 1024);
const flights = new SingleFlight<RenderedCard>();

export function cachedCard(key: string): RenderedCard | undefined {
  return cache.get(key);
}

export function clearCardCache(): void {
  cache.clear();
}

export async function renderCard(req: CardRequest): Promise<RenderedCard & { cached: boolean }> {
  const key = cardKey(req);
  const hit = cache.get(key);
  if (hit) return { ...hit, cached: true };
  const card = await flights.run(key, async () => {
    const svg = await renderSvg(req);
    const rendered: RenderedCard =
      req.format === 'svg'
        ? { body: Buffer.from(svg), etag: cardEtag(key), contentType: 'image/svg+xml; charset=utf-8' }
        : { body: svgToPng(svg), etag: cardEtag(key), contentType: 'image/png' };
    cache.set(key, rendered);
    return rendered;
  });
  return { ...card, cached: false };
}
