// Share cards of the seed year: every size as PNG (saved to tests/artifacts/cards/ to be looked
// at) and SVG, the right pixel sizes, no glyph missing from the card font (Chinese never boxes),
// content-hash ETags with 304, and the cards of an unpublished year only for staff of the body.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardSizes, type CardSize } from '../../../server/src/reports/cards/layouts';
import { missingGlyphs } from '../../../server/src/reports/cards/render';
import { REPO_ROOT, type TestServer } from '../../support/server';
import { actors, apiAs, ensureSeedRequests, OFFICE, seedInputs, startReportServer, type Api } from './support';

const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts/cards');
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('share cards of 平武县人民政府办公室 2023', () => {
  let t: TestServer;
  let reviewer: Api;
  let anonymous: Api;

  beforeAll(async () => {
    t = await startReportServer();
    await ensureSeedRequests();
    reviewer = apiAs(t, actors.reviewer);
    anonymous = apiAs(t);
    const inputs = await reviewer('GET', `/api/reports/${OFFICE}/2023/inputs`);
    await reviewer('PUT', `/api/reports/${OFFICE}/2023/inputs`, seedInputs(inputs.json.version));
    expect((await reviewer('POST', `/api/reports/${OFFICE}/2023/publish`, { on: '2024-01-20' })).status).toBe(201);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(() => t.close());

  it.each(Object.keys(cardSizes) as CardSize[])('%s: a PNG of the right size, saved for inspection; the SVG too', async (size) => {
    const png = await anonymous('GET', `/api/cards/${OFFICE}/2023/${size}.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(pngSize(png.bytes)).toEqual([cardSizes[size].width, cardSizes[size].height]);
    writeFileSync(join(ARTIFACTS, `pingwu-gov-office-2023-${size}.png`), png.bytes);

    const svg = await anonymous('GET', `/api/cards/${OFFICE}/2023/${size}.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.text).toMatch(new RegExp(`^<svg width="${cardSizes[size].width}" height="${cardSizes[size].height}"`));
    // Text is drawn as glyph outlines (no font needed to view it), never as <text>.
    expect(svg.text).not.toContain('<text');
    expect(svg.text).not.toMatch(/<script/i);
    writeFileSync(join(ARTIFACTS, `pingwu-gov-office-2023-${size}.svg`), svg.bytes);
    expect([...missingGlyphs]).toEqual([]);
  });

  it('ETag = content hash: revalidation is a 304 without rendering; another size or format is another ETag', async () => {
    const a = await anonymous('GET', `/api/cards/${OFFICE}/2023/chat.png`);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"card-[0-9a-f]{32}"$/);
    expect(a.headers.get('cache-control')).toBe('public, max-age=60');
    const b = await anonymous('GET', `/api/cards/${OFFICE}/2023/chat.png`, undefined, { 'if-none-match': etag });
    expect(b.status).toBe(304);
    expect(b.bytes.length).toBe(0);
    const etags = new Set<string>();
    for (const size of Object.keys(cardSizes)) for (const f of ['png', 'svg']) etags.add((await anonymous('GET', `/api/cards/${OFFICE}/2023/${size}.${f}`)).headers.get('etag')!);
    expect(etags.size).toBe(8);
  });

  it('an unpublished year’s cards are for staff of the body only; a bad size is a 400', async () => {
    expect((await anonymous('GET', `/api/cards/${OFFICE}/2024/og.png`)).status).toBe(404);
    expect((await apiAs(t, actors.eduClerk)('GET', `/api/cards/${OFFICE}/2024/og.png?edition=draft`)).status).toBe(404);
    const draft = await reviewer('GET', `/api/cards/${OFFICE}/2024/og.png?edition=draft`);
    expect(draft.status).toBe(200);
    expect(draft.headers.get('cache-control')).toBe('private, no-cache');
    writeFileSync(join(ARTIFACTS, 'pingwu-gov-office-2024-draft-og.png'), draft.bytes);
    expect((await anonymous('GET', `/api/cards/${OFFICE}/2023/huge.png`)).status).toBe(400);
  });
});
