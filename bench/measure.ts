// Measuring: autocannon runs against the bench server, one-shot timings (cold paths), percentiles,
// peak resident memory of processes, and the results table.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Figure {
  /** Scenario name as printed. */
  name: string;
  /** Group: what it is compared with. */
  group: string;
  /** Requests (or operations) per second; null for one-shot timings. */
  rps: number | null;
  p50: number;
  p99: number;
  /** The baseline figure's name, for the ratio. */
  baseline?: string;
  /** How many requests/samples the figure rests on. */
  samples: number;
  /** Non-2xx/3xx answers or errors during the run (should be 0). */
  errors: number;
  note: string;
}

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * autocannon for SECONDS with CONNECTIONS connections. `next(i)` gives the i-th request (varying
 * ids, keys, addresses); without it every request is `fixed`.
 */
export interface LoadOptions {
  seconds?: number;
  connections?: number;
  /** Per-request timeout in seconds (autocannon default 10). */
  timeout?: number;
}

export async function load(base: string, fixed: LoadRequest, next?: (i: number) => LoadRequest, options: LoadOptions = {}): Promise<{ rps: number; p50: number; p99: number; total: number; errors: number; connections: number }> {
  let i = 0;
  const connections = options.connections ?? CONNECTIONS;
  const result = await autocannon({
    url: base,
    connections,
    duration: options.seconds ?? SECONDS,
    timeout: options.timeout ?? 30,
    requests: [
      {
        method: fixed.method ?? 'GET',
        path: fixed.path,
        ...(fixed.headers ? { headers: fixed.headers } : {}),
        ...(fixed.body ? { body: fixed.body } : {}),
        ...(next
          ? {
              setupRequest: (req: autocannon.Request): autocannon.Request => {
                const r = next(i++);
                return { ...req, method: r.method ?? 'GET', path: r.path, headers: { ...(req.headers ?? {}), ...(r.headers ?? {}) }, ...(r.body ? { body: r.body } : {}) };
              },
            }
          : {}),
      },
    ],
  });
  const ok = result['2xx'] + result['3xx'];
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ path: fixed.path, ok, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, codes: result.statusCodeStats }));
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: ok,
    errors: result.errors + result.timeouts + result.non2xx,
    connections,
  };
}

/** Waits until the bench server answers no request but this one (autocannon leaves slow ones running). */
export async function drain(base: string, timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { inFlight } = (await (await fetch(`${base}/bench/in-flight`)).json()) as { inFlight: number };
    if (inFlight <= 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${inFlight} requests still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs `op` `count` times one after another; latency percentiles in ms. */
export async function oneShots(count: number, op: (i: number) => Promise<void>): Promise<{ p50: number; p99: number; all: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await op(i);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), all: times };
}

/** `concurrency` loops running `op` for `seconds`: operations per second and latency percentiles. */
export async function closedLoop(seconds: number, concurrency: number, op: (i: number) => Promise<void>): Promise<{ rps: number; p50: number; p99: number; total: number }> {
  const times: number[] = [];
  const end = Date.now() + seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await op(i++);
        times.push(performance.now() - started);
      }
    }),
  );
  const sorted = times.sort((a, b) => a - b);
  return { rps: times.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), total: times.length };
}

/** Resident memory of a process in MB (VmRSS), or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of some processes every 100 ms and keeps the peaks (per process and of the sum). */
export class MemoryWatch {
  peaks = new Map<string, number>();
  peakTotal = 0;
  private timer: NodeJS.Timeout;
  constructor(private readonly pids: () => Record<string, number | null>) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  sample(): void {
    let total = 0;
    for (const [name, pid] of Object.entries(this.pids())) {
      const mb = pid ? rssMb(pid) : null;
      if (mb === null) continue;
      total += mb;
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, mb));
    }
    this.peakTotal = Math.max(this.peakTotal, total);
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

const fmt = (n: number | null, digits = 1) => (n === null || Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(digits));

export function ratioOf(f: Figure, all: Figure[]): string {
  if (!f.baseline) return '—';
  const b = all.find((x) => x.name === f.baseline);
  if (!b) return '—';
  if (f.rps !== null && b.rps) return `${(f.rps / b.rps).toFixed(2)}× rps`;
  return b.p50 ? `${(f.p50 / b.p50).toFixed(1)}× p50` : '—';
}

/** The Markdown table (also printed). */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => `| ${f.group} | ${f.name} | ${f.rps === null ? '—' : fmt(f.rps)} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${ratioOf(f, figures)} | ${f.samples}${f.errors ? ` (${f.errors} errors)` : ''} | ${f.note} |`);
  return ['| Group | Scenario | Throughput (req/s) | p50 (ms) | p99 (ms) | vs baseline | Samples | What limits it |', '| --- | --- | ---: | ---: | ---: | --- | ---: | --- |', ...rows].join('\n');
}
