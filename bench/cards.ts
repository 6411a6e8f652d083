// Share-card benchmark (issue 8), run by hand: `npx tsx bench/cards.ts` (from the repo root).
//
// Starts the real server in demo mode on a fresh data directory (embedded FerretDB), publishes
// the 2023 report of 平武县人民政府办公室 through the API, then measures:
//   1. cold: the first card request of the process (loads the two CJK font weights, satori's
//      first layout) and the first request of each size (fonts warm, not yet cached);
//   2. render: median time to render each size from scratch (satori → SVG, resvg → PNG),
//      bypassing the card cache — what a new or changed report costs;
//   3. warm throughput (autocannon): GET of the 1200×630 card (content-hash cache hit), its
//      304 revalidation, and beside it a static file of the same bytes served by the same
//      server (/app/, the H5 static middleware) — the ratio says what a cached card costs
//      compared with a plain static file.
// Options: BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signAccessToken } from '../server/src/auth/accessToken';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/log';
import { cardSizes, type CardSize } from '../server/src/reports/cards/layouts';
import { renderSvg, svgToPng } from '../server/src/reports/cards/render';
import { headlineOf } from '../server/src/reports/headline';
import { resolveReport } from '../server/src/reports/view';
import { startServer } from '../server/src/server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const BODY = 'pingwu-gov-office';

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-bench-cards-'));
  const h5Dir = join(dataDir, 'h5');
  mkdirSync(h5Dir);
  writeFileSync(join(h5Dir, 'index.html'), '<!DOCTYPE html><title>bench</title>');
  const config = loadConfig({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_MODE: '1', LOG_LEVEL: 'warn', JOBS_ENABLED: '0' });
  const server = await startServer(config, { logger: createLogger('warn'), h5Dir });
  try {
    const token = signAccessToken(config.jwtSecret, { kind: 'staff', staffId: 'staff-pw_reviewer', role: 'reviewer', bodyId: BODY, countyWide: false, county: 'pingwu' });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const inputs = await call('GET', `/api/reports/${BODY}/2023/inputs`);
    await call('PUT', `/api/reports/${BODY}/2023/inputs`, { version: inputs.version, section2: { licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0 }, narrative: { section5: '（基准测试）' } });
    await call('POST', `/api/reports/${BODY}/2023/publish`, { on: '2024-01-20' });

    console.log(`cards of ${BODY} 2023 — Node ${process.version}, ${SECONDS}s × ${CONNECTIONS} connections per run\n`);
    console.log('1. cold (HTTP, first request)                          ms');
    let t = process.hrtime.bigint();
    const first = await fetch(`${server.url}/api/cards/${BODY}/2023/og.png`);
    const ogBytes = Buffer.from(await first.arrayBuffer());
    console.log(`   first card of the process (fonts load), og.png  ${fmt(ms(t))}`);
    for (const size of Object.keys(cardSizes) as CardSize[]) {
      if (size === 'og') continue;
      t = process.hrtime.bigint();
      await (await fetch(`${server.url}/api/cards/${BODY}/2023/${size}.png`)).arrayBuffer();
      console.log(`   first ${size.padEnd(8)} (${cardSizes[size].width}×${cardSizes[size].height})                    ${fmt(ms(t))}`);
    }

    console.log('\n2. render from scratch, fonts warm (median of 15)    satori   resvg   total   PNG KB');
    const resolved = await resolveReport(BODY, 2023, 'current', { kind: 'anonymous' });
    const headline = headlineOf(resolved, BODY);
    for (const size of Object.keys(cardSizes) as CardSize[]) {
      const sat: number[] = [];
      const res: number[] = [];
      let png: Buffer = Buffer.alloc(0);
      for (let i = 0; i < 15; i++) {
        t = process.hrtime.bigint();
        const svg = await renderSvg({ headline, size, shareUrl: `${config.publicBaseUrl}/share/${BODY}/2023` });
        sat.push(ms(t));
        t = process.hrtime.bigint();
        png = svgToPng(svg);
        res.push(ms(t));
      }
      console.log(`   ${size.padEnd(8)} ${`${cardSizes[size].width}×${cardSizes[size].height}`.padEnd(10)}                         ${fmt(median(sat))}${fmt(median(res))}${fmt(median(sat.map((s, i) => s + res[i]!)))}${fmt(png.length / 1024, 0)}`);
    }

    // The static comparator: the same bytes as the og card, from the H5 static middleware.
    writeFileSync(join(h5Dir, 'og-card.png'), ogBytes);
    const etag = first.headers.get('etag')!;
    const run = (title: string, url: string, headers: Record<string, string> = {}) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (err, result) => (err ? reject(err) : resolve(result)));
      }).then((r) => {
        const non2xx = r.non2xx - (headers['if-none-match'] ? r.requests.total : 0);
        console.log(`   ${title.padEnd(40)}${fmt(r.requests.average, 0)}${fmt(r.latency.p50)}${fmt(r.latency.p99)}${fmt(r.throughput.average / 1024 / 1024)}${r.errors || non2xx > 0 ? `  (errors ${r.errors}, non-2xx ${r.non2xx})` : ''}`);
        return r;
      });
    console.log(`\n3. warm throughput (autocannon)                       req/s  p50 ms  p99 ms    MB/s`);
    const card = await run('card og.png (cache hit)', `${server.url}/api/cards/${BODY}/2023/og.png`);
    const revalidate = await run('card og.png, If-None-Match → 304', `${server.url}/api/cards/${BODY}/2023/og.png`, { 'if-none-match': etag });
    const stat = await run('static /app/og-card.png (same bytes)', `${server.url}/app/og-card.png`);
    const health = await run('GET /api/health (database ping)', `${server.url}/api/health`);
    console.log(`\n   card / static throughput: ${(card.requests.average / stat.requests.average).toFixed(2)}×   304 / static: ${(revalidate.requests.average / stat.requests.average).toFixed(2)}×   (health for scale: ${health.requests.average.toFixed(0)} req/s)`);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
