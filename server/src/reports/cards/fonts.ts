// The CJK font of the cards: Noto Sans SC (OFL-1.1) from the npm package
// @expo-google-fonts/noto-sans-sc, installed with the project — no system font needed, so
// Chinese never renders as boxes. TTF, because satori cannot read .ttc collections.
//
// Loaded lazily on the first card (server start stays fast; the two weights are ≈ 21 MB) and
// then kept: satori caches its parsed font per Buffer object, so the SAME Buffers are passed
// on every render (reading the file per card costs ≈ 300 ms, reusing it ≈ 2 ms).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

export const CARD_FONT_FAMILY = 'Noto Sans SC';

function fontPath(file: string): string {
  const dir = dirname(createRequire(__filename).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return join(dir, file);
}

let loading: Promise<CardFont[]> | undefined;

export function cardFonts(): Promise<CardFont[]> {
  return (loading ??= Promise.all([
    readFile(fontPath('400Regular/NotoSansSC_400Regular.ttf')),
    readFile(fontPath('700Bold/NotoSansSC_700Bold.ttf')),
  ]).then(
    ([regular, bold]) => [
      { name: CARD_FONT_FAMILY, data: regular, weight: 400, style: 'normal' },
      { name: CARD_FONT_FAMILY, data: bold, weight: 700, style: 'normal' },
    ],
    (err: unknown) => {
      loading = undefined; // let the next card try again
      throw err;
    },
  ));
}

export function fontsLoaded(): boolean {
  return loading !== undefined;
}
