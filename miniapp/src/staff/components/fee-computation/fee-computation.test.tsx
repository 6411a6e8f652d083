import { act, fireEvent, render } from '@testing-library/react';
import { feeQuote, type FeeInput, type StaffRequestDetail } from '@zwgk/shared';
import { FeeComputation } from '.';
import { staffEndpoints } from '../../api/staff-api';
import { FeeNoticeForm } from '../action-bar/forms';

// The fee shown in the console is the shared function's (国办函〔2020〕109号), for cases checked by
// hand: per request, the k-th request of the month is charged at its band's rate (1–10 free,
// 11–30 ¥100, 31–40 ¥200, 41–50 ¥300); per page, each page at its band's rate (1–30 free,
// 31–100 ¥10, 101–200 ¥20, above 200 ¥40), summed.
const handChecked: Array<{ input: FeeInput; amount: number }> = [
  { input: { basis: 'per_request', ordinalInMonth: 10 }, amount: 0 },
  { input: { basis: 'per_request', ordinalInMonth: 11 }, amount: 100 },
  { input: { basis: 'per_request', ordinalInMonth: 30 }, amount: 100 },
  { input: { basis: 'per_request', ordinalInMonth: 31 }, amount: 200 },
  { input: { basis: 'per_request', ordinalInMonth: 45, month: '2026-03' }, amount: 300 },
  { input: { basis: 'per_page', pages: 30 }, amount: 0 },
  { input: { basis: 'per_page', pages: 31 }, amount: 10 },
  { input: { basis: 'per_page', pages: 100 }, amount: 700 }, // 70 × 10
  { input: { basis: 'per_page', pages: 101 }, amount: 720 }, // 700 + 1 × 20
  { input: { basis: 'per_page', pages: 200 }, amount: 2700 }, // 700 + 100 × 20
  { input: { basis: 'per_page', pages: 250 }, amount: 4700 }, // 2700 + 50 × 40
];

const shown = (container: HTMLElement) => ({
  steps: Array.from(container.querySelectorAll('.st-fee__step')).map((e) => e.textContent),
  amount: container.querySelector('.st-fee__amount')?.textContent,
});

it.each(handChecked)('shows $input.basis $input → ¥$amount with the shared function’s steps', ({ input, amount }) => {
  const { container } = render(<FeeComputation input={input} />);
  const quote = feeQuote(input);
  expect(quote.amount).toBe(amount); // the shared function agrees with the hand computation
  expect(shown(container)).toEqual({ steps: quote.steps, amount: `${amount}元` });
});

it('refuses a count that is not a positive whole number instead of showing an amount', () => {
  const { container } = render(<FeeComputation input={{ basis: 'per_page', pages: 0 }} />);
  expect(container.querySelector('.st-fee__amount')).toBeNull();
  expect(container.textContent).toContain('页数应为正整数');
});

const detail = { id: 'req-1', receivedOn: '2026-03-02', version: 1 } as unknown as StaffRequestDetail;

// Taro's web Input (a Stencil component) has no inner <input> in jsdom, so its value watcher
// throws when React updates the value; that noise (and only that) is silenced.
beforeEach(() => {
  const original = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (args.some((a) => a instanceof Error && a.stack?.includes('taro-input-core'))) return;
    original(...args);
  });
});
afterEach(() => jest.restoreAllMocks());

/** Taro's web Input reports typing as an `input` event whose detail carries the value. */
function type(container: HTMLElement, field: string, value: string) {
  const input = container.querySelector(`.st-field--${field} taro-input-core, .st-field--${field} .st-field__input`)!;
  fireEvent(input, new CustomEvent('input', { detail: { value }, bubbles: true }));
}

it('prefills the applicant’s count this month, computes the notice amount and sends the fee input (not an amount)', async () => {
  jest.spyOn(staffEndpoints, 'feeBasis').mockResolvedValue({ month: '2026-03', ordinalInMonth: 12, countInMonth: 14 });
  const onSubmit = jest.fn();
  const { container, getByText } = render(<FeeNoticeForm detail={detail} today="2026-03-05" busy={false} submitLabel="确认发出收费通知" onSubmit={onSubmit} />);
  await act(async () => undefined);

  const expected = feeQuote({ basis: 'per_request', ordinalInMonth: 12, month: '2026-03' });
  expect(shown(container)).toEqual({ steps: expected.steps, amount: '100元' });
  expect(container.textContent).toContain('本申请是该申请人2026年03月向本机关提出的第12件申请（共14件）');

  fireEvent.click(getByText('按量计收'));
  type(container, 'fee-pages', '250');
  expect(shown(container)).toEqual({ steps: feeQuote({ basis: 'per_page', pages: 250 }).steps, amount: '4700元' });

  fireEvent.click(getByText('确认发出收费通知'));
  expect(onSubmit).toHaveBeenCalledWith({ payload: { fee: { basis: 'per_page', pages: 250 } } });
});
