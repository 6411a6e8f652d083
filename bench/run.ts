// `npm run bench` (by hand, not in CI; < 10 minutes): the server in its own process on a fresh
// DATA_DIR with its embedded database, realistic volumes loaded in bulk, then load on loopback.
// Every scenario prints throughput, p50/p99 and its ratio to a baseline measured in the same run:
//   API        → a bare Koa route in the same server process (GET /bench/baseline)
//   pages      → a static file served by the same server (/app/…, the H5 static middleware)
//   reports    → the warm (cached) draft; the growth series 1k → 10k → 100k requests
//   database   → the floor: the driver alone, findOne by _id and by an indexed field
// Peak resident memory of the server and of the database child is sampled throughout.
// Writes the table to docs/PERFORMANCE.md. Options: BENCH_SECONDS, BENCH_CONNECTIONS,
// BENCH_SCALE (volumes ×, default 1), BENCH_GROWTH (e.g. "1000,10000,100000"), BENCH_OUT (file),
// BENCH_ONLY (e.g. "inbox,file": only those scenarios — db, read, mine, inbox, file, lookup, pages,
// reports, growth — after the same volumes; printed, and written only to an explicit BENCH_OUT).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { signAccessToken } from '../server/src/auth/accessToken';
import type { StaffActor } from '../server/src/auth/actor';
import { freePort } from '../server/src/db/embedded';
import { PINGWU_GOV_OFFICE } from '../server/src/demo/bodies';
import { configurePii } from '../server/src/pii';
import { BENCH_CITIZEN, GROWTH_BODY, GROWTH_YEAR, growTo, loadWorld, type World } from './load';
import { closedLoop, CONNECTIONS, drain, load, MemoryWatch, oneShots, SECONDS, table, type Figure, type LoadOptions, type LoadRequest } from './measure';

const ROOT = resolve(__dirname, '..');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const GROWTH = (process.env.BENCH_GROWTH ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
/** Whether a scenario runs (all of them without BENCH_ONLY). */
const want = (scenario: string) => !ONLY || ONLY.has(scenario);
// A partial run must not replace the full table in the docs by accident.
const OUT = process.env.BENCH_OUT ?? (ONLY ? null : join(ROOT, 'docs/PERFORMANCE.md'));
const JWT_SECRET = randomBytes(24).toString('hex');
const PII_KEY = randomBytes(32).toString('base64');
const thisYear = new Date().getFullYear();
const lastYear = thisYear - 1;

const t0 = Date.now();
const log = (line: string) => process.stdout.write(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

interface Server {
  child: ChildProcess;
  url: string;
  pid: number;
  embeddedPid: number | null;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'server-main.ts')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, ...(process.env.BENCH_TRACE ? { BENCH_TRACE: process.env.BENCH_TRACE } : {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (process.env.BENCH_TRACE) process.stderr.write(d);
  });
  return new Promise((resolveServer, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        const info = JSON.parse(line) as { url: string; pid: number; embeddedPid: number | null };
        resolveServer({ child, ...info });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}): ${err}`)));
  });
}

const staffToken = (s: { id: string; role: StaffActor['role']; bodyId: string }) =>
  signAccessToken(JWT_SECRET, { kind: 'staff', staffId: s.id, role: s.role, bodyId: s.bodyId, countyWide: false, county: 'pingwu' });
const citizenToken = (citizenId: string) => signAccessToken(JWT_SECRET, { kind: 'citizen', citizenId });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function get(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const res = await fetch(url, { headers });
  if (res.status >= 400) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A filing body for the "file a request" scenario (valid ID number for each i). */
function filingBody(i: number): string {
  const first17 = `51072719800514${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const check = '10X98765432'[[...first17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0) % 11]!;
  return JSON.stringify({
    applicant: { applicantType: 'natural_person', name: '压测', idType: 'resident_id', idNumber: first17 + check, phone: '13981612345', address: '四川省绵阳市平武县龙安镇北街12号' },
    bodyId: PINGWU_GOV_OFFICE,
    description: '请提供2025年平武县城区道路改造工程的招标文件及中标结果公告',
    medium: 'paper',
    delivery: 'post',
    declaration: true,
  });
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'zwgk-bench-data-'));
  const h5Dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-h5-'));
  mkdirSync(join(h5Dir, 'bench'));
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>bench</title>');
  const dbPort = await freePort();
  log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  const server = await startServer({
    NODE_ENV: 'production',
    JWT_SECRET,
    PII_KEY,
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: String(dbPort),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: '0',
    MEDIA_WORKER_ENABLED: '0',
    RATE_LIMIT_FILING: 'off',
    RATE_LIMIT_SIGNIN: 'off',
    BENCH_H5_DIR: h5Dir,
  });
  const base = server.url;
  log(`server ${base} (pid ${server.pid}, database pid ${server.embeddedPid})`);
  const memory = new MemoryWatch(() => ({ server: server.pid, database: server.embeddedPid }));
  const phasePeaks: Record<string, { server: number; database: number; total: number }> = {};
  const notePhase = (name: string) => {
    memory.sample();
    phasePeaks[name] = { server: memory.peaks.get('server') ?? 0, database: memory.peaks.get('database') ?? 0, total: memory.peakTotal };
  };
  const figures: Figure[] = [];
  /** autocannon, then wait until the server has answered what autocannon left running. */
  const measured = async (fixed: LoadRequest, next?: (i: number) => LoadRequest, options?: LoadOptions): Promise<Awaited<ReturnType<typeof load>>> => {
    const r = await load(base, fixed, next, options);
    const ms = await drain(base);
    if (ms > 1000) log(`  (drained ${r.connections} connections' leftovers in ${(ms / 1000).toFixed(1)} s)`);
    return r;
  };
  const add = (f: Figure) => {
    figures.push(f);
    log(`${f.group} · ${f.name}: ${f.rps === null ? '' : `${f.rps.toFixed(0)} req/s, `}p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.errors ? `, ${f.errors} errors` : ''}`);
  };

  try {
    // ---- volumes
    configurePii(Buffer.from(PII_KEY, 'base64'));
    await mongoose.connect(`mongodb://127.0.0.1:${dbPort}/zwgk`, { serverSelectionTimeoutMS: 5000 });
    const volumes = { requests: Math.round(10_000 * SCALE), items: Math.round(50_000 * SCALE), staff: Math.round(500 * SCALE), citizens: Math.round(50_000 * SCALE) };
    const loadStarted = Date.now();
    const world: World = await loadWorld(volumes, (l) => log(`loaded ${l}`));
    log(`volumes loaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`);
    const clerk = world.staff.find((s) => s.bodyId === PINGWU_GOV_OFFICE && s.role === 'clerk')!;
    const reviewer = world.staff.find((s) => s.bodyId === PINGWU_GOV_OFFICE && s.role === 'reviewer')!;
    const owner = citizenToken(BENCH_CITIZEN);

    // The county office's 2023 report is published (imported from the seed) so cards and the share page are public.
    const seed = readFileSync(join(ROOT, 'shared/src/report/fixtures/pingwu-2023.txt'), 'utf8');
    const imported = await fetch(`${base}/api/reports/${PINGWU_GOV_OFFICE}/import`, { method: 'POST', headers: { ...bearer(staffToken(reviewer)), 'content-type': 'application/json' }, body: JSON.stringify({ text: seed }) });
    if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
    notePhase('load');

    if (process.env.BENCH_PROBE) {
      const time = async (name: string, f: () => Promise<Response>) => {
        const s0 = performance.now();
        const res = await f();
        log(`probe ${name}: ${res.status} ${(performance.now() - s0).toFixed(0)} ms ${(await res.text()).slice(0, 120)}`);
      };
      for (let k = 0; k < 2; k++) {
        await time('file', () => fetch(`${base}/api/requests`, { method: 'POST', headers: { ...bearer(citizenToken(`bench-citizen-${20 + k}`)), 'content-type': 'application/json', 'idempotency-key': `probe-${k}-${t0}` }, body: filingBody(k) }));
      }
      await time('inbox', () => fetch(`${base}/api/staff/requests`, { headers: bearer(staffToken(clerk)) }));
      await time('lookup', () => fetch(`${base}/api/lookup?number=${encodeURIComponent(world.lookups[0]!.number)}&code=${world.lookups[0]!.code}`));
      const other = world.staff.find((s) => s.role === 'reviewer' && s.bodyId !== PINGWU_GOV_OFFICE)!;
      await time('report draft of a body, cold', () => fetch(`${base}/api/reports/${other.bodyId}/${lastYear}?edition=draft`, { headers: bearer(staffToken(other)) }));
      return;
    }
    if (process.env.BENCH_DEBUG) {
      for (const [name, path, token] of [
        ['mine', '/api/requests', owner],
        ['inbox', '/api/staff/requests', staffToken(clerk)],
        ['read', `/api/requests/${world.ownerRequests[0]}`, owner],
      ] as const) {
        const s0 = performance.now();
        const res = await fetch(base + path, { headers: bearer(token) });
        const text = await res.text();
        log(`probe ${name}: ${res.status} ${(performance.now() - s0).toFixed(0)} ms ${text.length} bytes`);
      }
    }
    // ---- the database alone
    const G_DB = 'Embedded database alone (floor)';
    if (want('db')) {
      const requests = mongoose.connection.db!.collection<{ _id: string; number: string }>('requests');
      const sample = await requests.find({}, { projection: { _id: 1, number: 1 } }).limit(2000).toArray();
      const byId = await closedLoop(Math.min(SECONDS, 5), CONNECTIONS, async (i) => void (await requests.findOne({ _id: sample[i % sample.length]!._id })));
      add({ group: G_DB, name: 'driver findOne by _id (requests)', ...byId, samples: byId.total, errors: 0, note: "SQLite search of the launcher's _id expression index + BSON over loopback; the server's own ops cost the same" });
      const byNumber = await closedLoop(Math.min(SECONDS, 5), CONNECTIONS, async (i) => void (await requests.findOne({ number: sample[i % sample.length]!.number })));
      add({ group: G_DB, name: 'driver findOne by number (unique index)', ...byNumber, samples: byNumber.total, errors: 0, baseline: 'driver findOne by _id (requests)', note: 'FerretDB v1 does not use secondary indexes: full scan of the collection' });
      notePhase('database');
    }

    // ---- API scenarios, against a bare Koa route
    const G_API = 'API (baseline: bare Koa route)';
    const b = await measured({ path: '/bench/baseline' });
    add({ group: G_API, name: 'bare Koa route (baseline)', rps: b.rps, p50: b.p50, p99: b.p99, samples: b.total, errors: b.errors, note: 'middleware stack (request id, access log, errors, headers, auth) + JSON; CPU of one Node process' });
    if (want('read')) {
      const readOne = await measured({ path: `/api/requests/${world.ownerRequests[0]}`, headers: bearer(owner) }, (i) => ({ path: `/api/requests/${world.ownerRequests[i % world.ownerRequests.length]}`, headers: bearer(owner) }));
      add({ group: G_API, name: 'read one request (owner)', ...readOne, samples: readOne.total, baseline: 'bare Koa route (baseline)', note: 'findById (indexed) + decrypting the identity + clock and thread presentation' });
    }
    if (want('mine')) {
      const mine = await measured({ path: '/api/requests', headers: bearer(owner) });
      add({ group: G_API, name: 'list my requests (5 of 10k)', ...mine, samples: mine.total, baseline: 'bare Koa route (baseline)', note: "the citizen's list document by _id, then one findById per request (was a scan of every request: see below)" });
    }
    if (want('inbox')) {
      // The volumes were loaded straight into the database, as older data: the first call indexes
      // every stored request from one scan (once per database), then reads the body's requests.
      const inboxHeaders = bearer(staffToken(clerk));
      const firstInbox = await oneShots(1, async () => void (await get(`${base}/api/staff/requests`, inboxHeaders)));
      add({ group: G_API, name: `staff inbox, first call on data stored without lookup documents (${volumes.requests} requests)`, rps: null, p50: firstInbox.p50, p99: firstInbox.p99, samples: 1, errors: 0, baseline: 'bare Koa route (baseline)', note: `once per database: one scan of every stored request to build the per-body lookup documents, then the body's ${world.officeRequests} requests read by _id into this process's cache` });
      const inbox = await measured({ path: '/api/staff/requests', headers: inboxHeaders });
      add({ group: G_API, name: `staff inbox (county office, ${world.officeRequests} requests)`, ...inbox, samples: inbox.total, baseline: 'bare Koa route (baseline)', note: "the body's lookup document by _id (nothing changed: no request read), then filters, sort, counts (state and clock cached) and the page (20 rows) presented" });
      // A county-wide admin: every body of the county (all the stored requests), cold then warm.
      const countyAdmin = bearer(signAccessToken(JWT_SECRET, { kind: 'staff', staffId: clerk.id, role: 'admin', bodyId: PINGWU_GOV_OFFICE, countyWide: true, county: 'pingwu' }));
      const firstCounty = await oneShots(1, async () => void (await get(`${base}/api/staff/requests`, countyAdmin)));
      add({ group: G_API, name: `staff inbox, county-wide admin, first call of the process (${volumes.requests} requests)`, rps: null, p50: firstCounty.p50, p99: firstCounty.p99, samples: 1, errors: 0, baseline: 'bare Koa route (baseline)', note: "the lookup documents of the county's bodies, then every request not cached yet read by _id (8 at a time per body, 4 bodies at a time)" });
      const county = await measured({ path: '/api/staff/requests', headers: countyAdmin });
      add({ group: G_API, name: `staff inbox, county-wide admin (${volumes.requests} requests)`, ...county, samples: county.total, baseline: 'bare Koa route (baseline)', note: "one lookup document per body by _id, then filters, sort and counts over every request of the county" });
    }
    if (want('file')) {
      const citizens = Array.from({ length: 50 }, (_, i) => citizenToken(`bench-citizen-${i + 10}`));
      const file = await measured({ method: 'POST', path: '/api/requests', headers: { 'content-type': 'application/json' }, body: filingBody(0) }, (i) => ({
        method: 'POST',
        path: '/api/requests',
        headers: { 'content-type': 'application/json', ...bearer(citizens[i % citizens.length]!), 'idempotency-key': `bench-file-${i}-${t0}` },
        body: filingBody(i),
      }));
      add({ group: G_API, name: 'file a request', ...file, samples: file.total, baseline: 'bare Koa route (baseline)', note: "21 database round trips (tests/integration/requests/round-trips.test.ts); concurrent filings to one body queue on its number counter and on its clerks' inbox documents (versioned writes, each rewriting up to 200 notices)" });
      // The same filings one at a time: what one citizen waits for on a quiet server.
      const alone = await measured({ method: 'POST', path: '/api/requests', headers: { 'content-type': 'application/json' }, body: filingBody(0) }, (i) => ({
        method: 'POST',
        path: '/api/requests',
        headers: { 'content-type': 'application/json', ...bearer(citizens[i % citizens.length]!), 'idempotency-key': `bench-alone-${i}-${t0}` },
        body: filingBody(i),
      }), { connections: 1 });
      add({ group: G_API, name: 'file a request, one client', ...alone, samples: alone.total, baseline: 'bare Koa route (baseline)', note: 'the same filings one after another: no queueing on the body\'s documents' });
    }
    if (want('lookup')) {
      const lookup = await measured({ path: '/api/lookup' }, (i) => {
        const l = world.lookups[i % world.lookups.length]!;
        return { path: `/api/lookup?number=${encodeURIComponent(l.number)}&code=${l.code}`, headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } };
      });
      add({ group: G_API, name: 'public status lookup', ...lookup, samples: lookup.total, baseline: 'bare Koa route (baseline)', note: 'number document by _id + findById + two rate-limit counters (one upsert each, per address and per number)' });
    }
    notePhase('api');

    // ---- pages and media, against a static file
    const G_PAGES = 'Pages (baseline: static file)';
    if (want('pages')) {
      const cardUrl = `/api/cards/${PINGWU_GOV_OFFICE}/2023/og.png`;
      const firstCard = await oneShots(1, async () => void (await get(base + cardUrl)));
      writeFileSync(join(h5Dir, 'bench', 'card.png'), await get(base + cardUrl));
      const stat = await measured({ path: '/app/bench/card.png' });
      add({ group: G_PAGES, name: 'static file (baseline, card-sized PNG)', ...stat, samples: stat.total, errors: stat.errors, note: 'stat + file stream through the full middleware stack' });
      const warmCard = await measured({ path: cardUrl });
      add({ group: G_PAGES, name: 'card PNG 1200×630, warm', ...warmCard, samples: warmCard.total, baseline: 'static file (baseline, card-sized PNG)', note: 'snapshot read by _id + content hash → in-memory card cache' });
      // Cold: the first drawing of each other size of the published report (not cached yet; the fonts
      // are loaded by then — the very first card of the process, which loads them, is noted apart).
      const sizes = ['chat', 'moments', 'poster'];
      const coldCards = await oneShots(sizes.length, async (i) => void (await get(`${base}/api/cards/${PINGWU_GOV_OFFICE}/2023/${sizes[i]}.png`)));
      add({ group: G_PAGES, name: 'card PNG, cold (first drawing of a size)', rps: null, p50: coldCards.p50, p99: coldCards.p99, samples: sizes.length, errors: 0, baseline: 'static file (baseline, card-sized PNG)', note: `satori layout + resvg rasterising on the server's CPU; the first card of the process took ${firstCard.all[0]!.toFixed(0)} ms (loading the CJK fonts)` });
      const feedPath = `/feeds/${PINGWU_GOV_OFFICE}/rss.xml`;
      const coldFeed = await oneShots(1, async () => void (await get(base + feedPath)));
      add({ group: G_PAGES, name: 'feed RSS (county office), cold', rps: null, p50: coldFeed.p50, p99: coldFeed.p99, samples: 1, errors: 0, baseline: 'static file (baseline, card-sized PNG)', note: `scan of ${volumes.items} content items for the body's newest, once per change of the body's items` });
      const feed = await measured({ path: feedPath });
      add({ group: G_PAGES, name: 'feed RSS (county office), warm', ...feed, samples: feed.total, baseline: 'static file (baseline, card-sized PNG)', note: 'stamp read by _id → cached feed' });
      const share = await measured({ path: `/share/${PINGWU_GOV_OFFICE}/2023` });
      add({ group: G_PAGES, name: 'share page (published report)', ...share, samples: share.total, baseline: 'static file (baseline, card-sized PNG)', note: 'snapshot read by _id + HTML rendering' });
      notePhase('pages');
    }

    // ---- reports: one body-year, cold (cache entry removed) and warm
    const G_REP = 'Reports (baseline: warm draft)';
    const cache = mongoose.connection.db!.collection<{ _id: string }>('reportcache');
    if (want('reports')) {
      const reportUrl = `${base}/api/reports/${PINGWU_GOV_OFFICE}/${lastYear}?edition=draft`;
      const rev = bearer(staffToken(reviewer));
      const coldReport = await oneShots(4, async () => {
        await cache.deleteOne({ _id: `${PINGWU_GOV_OFFICE}:${lastYear}` });
        await get(reportUrl, rev);
      });
      const warmReport = await measured({ path: `/api/reports/${PINGWU_GOV_OFFICE}/${lastYear}?edition=draft`, headers: rev });
      add({ group: G_REP, name: `report ${lastYear}, county office, warm (cached draft)`, ...warmReport, samples: warmReport.total, note: 'stamp + cache entry by _id, JSON of the report with its checks' });
      const [firstCold, ...laterCold] = coldReport.all;
      const later = [...laterCold].sort((x, y) => x - y);
      add({ group: G_REP, name: `report ${lastYear}, county office, cold (${world.officeRequests} requests of the body)`, rps: null, p50: later[Math.floor(later.length / 2)]!, p99: later[later.length - 1]!, samples: later.length, errors: 0, baseline: `report ${lastYear}, county office, warm (cached draft)`, note: `the body's lookup document by _id (nothing changed: no request read; a change re-reads that request by _id), the histories' folded states from the process's records, on-time clocks, compose; the first cold one also counted the body's content (scans of ${volumes.items} items)${want('inbox') ? '' : ', built the lookup documents (one scan of every request, once per database) and read the body\'s requests by _id'}: ${(firstCold! / 1000).toFixed(1)} s` });
      notePhase('reports');
    }

    // ---- growth of the report computation with the number of requests of the body-year
    const G_GROW = 'Report computation growth (one body-year, cold)';
    let have = 0;
    for (const n of want('growth') ? GROWTH : []) {
      const before = have;
      await growTo(n, have);
      have = n;
      const growthReviewer = { id: 'bench-growth-reviewer', role: 'reviewer' as const, bodyId: GROWTH_BODY };
      const runs = n >= 100_000 ? 2 : 3; // the first reads the new requests by _id, the second is what a change costs from then on
      const cold = await oneShots(runs, async () => {
        await cache.deleteOne({ _id: `${GROWTH_BODY}:${GROWTH_YEAR}` });
        await get(`${base}/api/reports/${GROWTH_BODY}/${GROWTH_YEAR}?edition=draft`, bearer(staffToken(growthReviewer)));
      });
      memory.sample();
      add({ group: G_GROW, name: `${n.toLocaleString('en')} requests`, rps: null, p50: cold.p50, p99: cold.p99, samples: runs, errors: 0, note: `first run after the insert (reads the ${(n - before).toLocaleString('en')} new requests by _id${before === 0 ? '; counts the new body\'s content: scans of the content items' : ''}): ${(cold.all[0]! / 1000).toFixed(1)} s; peak RSS so far: server ${(memory.peaks.get('server') ?? 0).toFixed(0)} MB, database ${(memory.peaks.get('database') ?? 0).toFixed(0)} MB` });
      log(`growth ${n}: inserted, computed`);
    }
    notePhase('growth');
  } finally {
    memory.stop();
    await mongoose.disconnect().catch(() => undefined);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(h5Dir, { recursive: true, force: true });
  }

  const loadAtEnd = loadavg();
  const minutes = (Date.now() - t0) / 60_000;
  const printed = table(figures);
  process.stdout.write(`\n${printed}\n\n`);
  const memoryLines = Object.entries(phasePeaks).map(([phase, p]) => `| ${phase} | ${p.server.toFixed(0)} | ${p.database.toFixed(0)} | ${p.total.toFixed(0)} |`);
  process.stdout.write(`peak RSS (MB) by the end of each phase:\n${memoryLines.join('\n')}\n`);
  if (OUT) {
    writeFileSync(OUT, render({ printed, memoryLines, loadAtStart, loadAtEnd, minutes }));
    log(`wrote ${OUT} (${minutes.toFixed(1)} min)`);
  } else log(`BENCH_ONLY: not written to the docs (set BENCH_OUT to write a file) (${minutes.toFixed(1)} min)`);
}

function render(r: { printed: string; memoryLines: string[]; loadAtStart: number[]; loadAtEnd: number[]; minutes: number }): string {
  const cpu = cpus();
  const previous = (() => {
    try {
      return OUT ? readFileSync(OUT, 'utf8') : '';
    } catch {
      return '';
    }
  })();
  // Hand-written analysis below the marker is kept across runs.
  const marker = '<!-- analysis: kept by bench/run.ts -->';
  const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
  return `# Performance

Measured by \`npm run bench\` (bench/run.ts) — the real server in its own process (production mode, embedded FerretDB
on a fresh DATA_DIR, logs at warn), realistic volumes loaded first (10,000 requests across 48 bodies and the years 2019–${thisYear},
50,000 content items, 500 staff, 50,000 citizens), then autocannon on loopback with ${CONNECTIONS} connections for ${SECONDS} s per
scenario. Ratios compare with a baseline measured in the same run on the same machine.

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; run time ${r.minutes.toFixed(1)} min
- Machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free at the end), ${osType()} ${release()}, Node ${process.version}
- Load average (1/5/15 min) at start ${r.loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${r.loadAtEnd.map((l) => l.toFixed(2)).join(' / ')}
  (the machine is shared; autocannon runs on the same cores as the server and its database)

${r.printed}

Peak resident memory (MB), sampled every 100 ms, by the end of each phase:

| Phase | Server | Database child | Together |
| --- | ---: | ---: | ---: |
${r.memoryLines.join('\n')}

${analysis}`;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
