import { Text } from '@tarojs/components';
import { EmptyState } from '../empty-state';
import { PrimaryButton } from '../primary-button';

export interface LoadStateProps {
  /** The failure to show instead of the page (see useData's `error`). */
  error: string | undefined;
  /** Offers 重试 under the failure. */
  onRetry?: () => void;
  /** Of the loading line, for the page's spacing. */
  className?: string;
}

/** What a page shows while its data is not there yet: the failure (with 重试), or that it is loading. */
export function LoadState({ error, onRetry, className }: LoadStateProps) {
  if (error) return <EmptyState title={error} action={onRetry ? <PrimaryButton onClick={onRetry}>重试</PrimaryButton> : undefined} />;
  return <Text className={className}>正在加载…</Text>;
}
