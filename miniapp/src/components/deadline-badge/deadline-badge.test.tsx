import { render, screen } from '@testing-library/react';
import { ChatBubble, DeadlineBadge } from '..';

describe('DeadlineBadge', () => {
  it('counts the working days left and shows the due date', () => {
    const { container } = render(<DeadlineBadge workingDaysLeft={12} dueDate="2026-03-05" />);
    expect(screen.getByText('还剩 12 个工作日')).toBeTruthy();
    expect(screen.getByText('3月5日截止')).toBeTruthy();
    expect(container.querySelector('.zw-deadline--normal')).not.toBeNull();
  });

  it('turns amber within 3 working days and red once overdue', () => {
    const soon = render(<DeadlineBadge workingDaysLeft={3} />);
    expect(soon.container.querySelector('.zw-deadline--due-soon')).not.toBeNull();
    soon.unmount();

    const late = render(<DeadlineBadge workingDaysLeft={-2} dueDate="2026-03-05" />);
    expect(screen.getByText('已超期 2 个工作日')).toBeTruthy();
    expect(late.container.querySelector('.zw-deadline--overdue')).not.toBeNull();
  });

  it('says the clock is stopped while waiting for a correction', () => {
    render(<DeadlineBadge workingDaysLeft={8} paused dueDate="2026-03-05" />);
    expect(screen.getByText('暂停计时')).toBeTruthy();
    expect(screen.queryByText('3月5日截止')).toBeNull();
  });
});

describe('ChatBubble', () => {
  it('renders who speaks and what was said', () => {
    const { container } = render(
      <>
        <ChatBubble role="system">申请已受理</ChatBubble>
        <ChatBubble role="staff" author="县政府办公室" time="3月5日 14:20">
          请补正所需信息的文号。
        </ChatBubble>
        <ChatBubble role="citizen">文号是平府办发〔2023〕12号</ChatBubble>
      </>,
    );
    expect(screen.getByText('申请已受理')).toBeTruthy();
    expect(screen.getByText('县政府办公室')).toBeTruthy();
    expect(screen.getByText('请补正所需信息的文号。')).toBeTruthy();
    expect(container.querySelector('.zw-chat--citizen')?.textContent).toContain('平府办发〔2023〕12号');
  });
});
