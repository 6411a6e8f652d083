import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { OptionChips } from '.';

const kinds = [
  { value: 'person', label: '个人' },
  { value: 'org', label: '法人或其他组织', hint: '企业、社会组织等' },
] as const;

function Picker({ multiple = false }: { multiple?: boolean }) {
  const [value, setValue] = useState<ReadonlyArray<string>>([]);
  return <OptionChips options={kinds} multiple={multiple} value={value} onChange={(_, selected) => setValue(selected)} />;
}

it('selects one option on tap', () => {
  const { container } = render(<Picker />);
  fireEvent.click(screen.getByText('个人'));
  expect(container.querySelectorAll('.zw-chip--on')).toHaveLength(1);
  fireEvent.click(screen.getByText('法人或其他组织'));
  const on = container.querySelectorAll('.zw-chip--on');
  expect(on).toHaveLength(1);
  expect(on[0]!.textContent).toContain('企业、社会组织等');
});

it('toggles several options when multiple', () => {
  const { container } = render(<Picker multiple />);
  fireEvent.click(screen.getByText('个人'));
  fireEvent.click(screen.getByText('法人或其他组织'));
  expect(container.querySelectorAll('.zw-chip--on')).toHaveLength(2);
  fireEvent.click(screen.getByText('个人'));
  expect(container.querySelectorAll('.zw-chip--on')).toHaveLength(1);
});
