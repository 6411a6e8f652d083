import { act, render, screen } from '@testing-library/react';
import { PageShell } from '.';
import { isLargeText, setLargeText } from '../../settings/large-text';

afterEach(() => act(() => setLargeText(false)));

it('applies large-text mode to mounted pages and remembers it', () => {
  const { container } = render(<PageShell title="我的申请">内容</PageShell>);
  const page = () => container.querySelector('.zw-page')!;
  expect(screen.getByText('我的申请')).toBeTruthy();
  expect(page().classList.contains('zw-large')).toBe(false);

  act(() => setLargeText(true));

  expect(page().classList.contains('zw-large')).toBe(true);
  expect(isLargeText()).toBe(true);
  // A page opened later starts in large text straight away.
  const later = render(<PageShell title="申请详情" />);
  expect(later.container.querySelector('.zw-page')!.classList.contains('zw-large')).toBe(true);
});
