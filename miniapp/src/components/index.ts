// The design system: import components from here, e.g. `import { Card } from '../../components'`.
export { PageShell, type PageShellProps } from './page-shell';
export { ChatBubble, type ChatBubbleProps, type ChatRole } from './chat-bubble';
export { OptionChips, type OptionChipsProps, type ChipOption } from './option-chips';
export { PrimaryButton, type PrimaryButtonProps } from './primary-button';
export { StatusChip, type StatusChipProps, type StatusTone } from './status-chip';
export { DeadlineBadge, deadlineText, deadlineTone, dueSoonWorkingDays, type DeadlineBadgeProps, type DeadlineTone } from './deadline-badge';
export { Card, type CardProps } from './card';
export { ProvisionalNote, type ProvisionalNoteProps } from './provisional-note';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { cx } from './cx';
export { LoadState, type LoadStateProps } from './load-state';
