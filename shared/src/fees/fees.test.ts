// Hand-computed fees (国办函〔2020〕109号, marginal reading: each unit at its band's rate).
import fc from 'fast-check';
import { feeQuote, perPageFee, perPageRate, perRequestFee, perRequestMonthTotal, perRequestRate } from './fees';

describe('per request (按件), per applicant per calendar month', () => {
  it('charges each request at its band', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51, 60, 61].map(perRequestRate)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400, 400, 500]);
  });

  it('the 35th request of March 2024 costs ¥200, with the steps written out', () => {
    expect(perRequestFee(35, '2024-03')).toEqual({
      basis: 'per_request',
      quantity: 35,
      amount: 200,
      bands: [{ from: 35, to: 35, rate: 200, count: 1, subtotal: 200 }],
      steps: [
        '按件计收（国办函〔2020〕109号）：本申请是申请人2024年3月内的第35件申请。',
        '一个自然月内30件以上的部分，以10件为一档，每增加一档每件提高100元：第31–40件每件200元。',
        '本件收费：200元。',
      ],
    });
    expect(perRequestFee(40).steps[1]).toContain('第31–40件每件200元');
    expect(perRequestFee(41).steps[1]).toContain('第41–50件每件300元');
    expect(perRequestFee(10).amount).toBe(0);
    expect(perRequestFee(11).steps).toContain('一个自然月内第11–30件的部分，每件100元。');
  });

  it('45 requests in a month: 10 free + 20 × 100 + 10 × 200 + 5 × 300 = ¥5500', () => {
    const q = perRequestMonthTotal(45);
    expect(q.amount).toBe(5500);
    expect(q.steps).toEqual([
      '按件计收（国办函〔2020〕109号）：申请人一个自然月内共45件申请。',
      '第1–10件：不收费。',
      '第11–30件：20件 × 100元 = 2000元。',
      '第31–40件：10件 × 200元 = 2000元。',
      '第41–45件：5件 × 300元 = 1500元。',
      '合计：5500元。',
    ]);
  });

  it('the month total is the sum of each request’s fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        let sum = 0;
        for (let k = 1; k <= n; k++) sum += perRequestFee(k).amount;
        expect(perRequestMonthTotal(n).amount).toBe(sum);
      }),
    );
  });
});

describe('per page (按量), within one request', () => {
  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700], // 70 × 10
    [101, 720], // 700 + 1 × 20
    [150, 1700], // 700 + 50 × 20
    [200, 2700], // 700 + 100 × 20
    [201, 2740], // 2700 + 1 × 40
    [250, 4700], // 2700 + 50 × 40
  ])('%i pages cost ¥%i', (pages, amount) => {
    expect(perPageFee(pages).amount).toBe(amount);
  });

  it('shows the computation', () => {
    expect(perPageFee(250).steps).toEqual([
      '按量计收（国办函〔2020〕109号）：本申请共250页。',
      '第1–30页：不收费。',
      '第31–100页：70页 × 10元 = 700元。',
      '第101–200页：100页 × 20元 = 2000元。',
      '第201–250页：50页 × 40元 = 2000元。',
      '合计：4700元。',
    ]);
  });

  it('is marginal, not the whole count at the top rate (250 pages ≠ 250 × 40)', () => {
    expect(perPageFee(250).amount).toBeLessThan(250 * perPageRate(250));
  });

  it('never decreases as pages grow', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (p) => expect(perPageFee(p + 1).amount).toBeGreaterThanOrEqual(perPageFee(p).amount)));
  });
});

describe('input', () => {
  it('dispatches on the basis', () => {
    expect(feeQuote({ basis: 'per_page', pages: 101 }).amount).toBe(720);
    expect(feeQuote({ basis: 'per_request', ordinalInMonth: 12 }).amount).toBe(100);
  });

  it('refuses zero, negative and fractional quantities', () => {
    expect(() => perPageFee(0)).toThrow(RangeError);
    expect(() => perRequestFee(-1)).toThrow(RangeError);
    expect(() => perPageFee(1.5)).toThrow('页数应为正整数');
  });
});
