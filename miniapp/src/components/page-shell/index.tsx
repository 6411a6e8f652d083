import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../../settings/large-text';
import { cx } from '../cx';

export interface PageShellProps {
  /** Heading shown at the top of the page (the navigation bar carries the short title). */
  title?: string;
  subtitle?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * Root of every page: carries the design tokens and the large-text class (适老化), which
 * must sit on each page because weapp pages do not share a DOM root.
 */
export function PageShell({ title, subtitle, className, children }: PageShellProps) {
  const [large] = useLargeText();
  return (
    <View className={cx('zw-page', large && 'zw-large', className)}>
      {title ? <Text className="zw-page__title">{title}</Text> : null}
      {subtitle ? <Text className="zw-page__subtitle">{subtitle}</Text> : null}
      {children}
    </View>
  );
}
