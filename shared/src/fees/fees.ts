// Information processing fees (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号; 条例第四十二条).
// Charged only when the number or frequency of requests clearly exceeds a reasonable range, in
// one of two ways, never both for the same request:
// - per request (按件): counted per applicant per calendar month: 1–10 free; the part from 11 to
//   30 at ¥100 each; above 30, each further band of 10 costs ¥100 more per request
//   (31–40 ¥200, 41–50 ¥300 …);
// - per page (按量), within one request: 1–30 free; the part from 31 to 100 at ¥10/page; 101–200
//   at ¥20/page; above 200 at ¥40/page.
// Both are marginal ("…的部分"): each unit is charged at the rate of the band it falls in, like
// a progressive tax, not the whole quantity at the highest band's rate.

export type FeeBasis = 'per_request' | 'per_page';

export interface FeeBand {
  /** First unit of the band (1-based). */
  from: number;
  /** Last unit charged in this band. */
  to: number;
  /** Yuan per unit. */
  rate: number;
  count: number;
  subtotal: number;
}

export interface FeeQuote {
  basis: FeeBasis;
  /** Requests in the month (per request) or pages (per page). */
  quantity: number;
  /** Whole yuan. */
  amount: number;
  bands: FeeBand[];
  /** The computation in Chinese, one line per step, for the fee notice and the applicant. */
  steps: string[];
}

export const FEE_DOCUMENT = '国办函〔2020〕109号';

/** Yuan for the k-th request of an applicant in one calendar month. */
export function perRequestRate(k: number): number {
  assertCount(k, '申请件数');
  if (k <= 10) return 0;
  if (k <= 30) return 100;
  return 100 + 100 * Math.ceil((k - 30) / 10);
}

/** Yuan per page for the p-th page of one request. */
export function perPageRate(p: number): number {
  assertCount(p, '页数');
  if (p <= 30) return 0;
  if (p <= 100) return 10;
  if (p <= 200) return 20;
  return 40;
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what}应为正整数，收到 ${n}`);
}

/** Group units 1..n into runs of equal rate. */
function bandsUpTo(n: number, rate: (k: number) => number): FeeBand[] {
  const bands: FeeBand[] = [];
  for (let k = 1; k <= n; k++) {
    const r = rate(k);
    const last = bands[bands.length - 1];
    if (last && last.rate === r) {
      last.to = k;
      last.count += 1;
      last.subtotal += r;
    } else bands.push({ from: k, to: k, rate: r, count: 1, subtotal: r });
  }
  return bands;
}

const range = (b: FeeBand, unit: string) => (b.from === b.to ? `第${b.from}${unit}` : `第${b.from}–${b.to}${unit}`);

/** The fee for the `ordinal`-th request an applicant made in a calendar month. */
export function perRequestFee(ordinal: number, month?: string): FeeQuote {
  const rate = perRequestRate(ordinal);
  // The band the request falls in, whole (e.g. 31–40 for the 35th).
  const band = ordinal <= 10 ? { from: 1, to: 10 } : ordinal <= 30 ? { from: 11, to: 30 } : { from: 30 + Math.floor((ordinal - 31) / 10) * 10 + 1, to: 30 + Math.ceil((ordinal - 30) / 10) * 10 };
  const when = month ? `${month.replace(/^(\d{4})-(\d{2})$/, (_, y: string, m: string) => `${y}年${Number(m)}月`)}` : '当月';
  const steps = [`按件计收（${FEE_DOCUMENT}）：本申请是申请人${when}内的第${ordinal}件申请。`];
  if (rate === 0) steps.push('同一申请人一个自然月内10件以内（含10件）的，不收费。', '本件收费：0元。');
  else {
    steps.push(
      ordinal <= 30
        ? '一个自然月内第11–30件的部分，每件100元。'
        : `一个自然月内30件以上的部分，以10件为一档，每增加一档每件提高100元：第${band.from}–${band.to}件每件${rate}元。`,
      `本件收费：${rate}元。`,
    );
  }
  return { basis: 'per_request', quantity: ordinal, amount: rate, bands: [{ from: ordinal, to: ordinal, rate, count: 1, subtotal: rate }], steps };
}

/** The total for `count` requests of one applicant in a calendar month (each charged at its band). */
export function perRequestMonthTotal(count: number): FeeQuote {
  assertCount(count, '申请件数');
  return quote('per_request', count, bandsUpTo(count, perRequestRate), `按件计收（${FEE_DOCUMENT}）：申请人一个自然月内共${count}件申请。`, '件');
}

/** The fee for one request of `pages` pages. */
export function perPageFee(pages: number): FeeQuote {
  assertCount(pages, '页数');
  return quote('per_page', pages, bandsUpTo(pages, perPageRate), `按量计收（${FEE_DOCUMENT}）：本申请共${pages}页。`, '页');
}

function quote(basis: FeeBasis, quantity: number, bands: FeeBand[], intro: string, unit: '件' | '页'): FeeQuote {
  const amount = bands.reduce((sum, b) => sum + b.subtotal, 0);
  const steps = [
    intro,
    ...bands.map((b) => (b.rate === 0 ? `${range(b, unit)}：不收费。` : `${range(b, unit)}：${b.count}${unit} × ${b.rate}元 = ${b.subtotal}元。`)),
    `合计：${amount}元。`,
  ];
  return { basis, quantity, amount, bands, steps };
}

export type FeeInput = { basis: 'per_request'; ordinalInMonth: number; month?: string } | { basis: 'per_page'; pages: number };

export function feeQuote(input: FeeInput): FeeQuote {
  return input.basis === 'per_request' ? perRequestFee(input.ordinalInMonth, input.month) : perPageFee(input.pages);
}
