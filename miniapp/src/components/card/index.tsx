import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '../cx';
import './card.css';

export interface CardProps {
  title?: string;
  /** Right side of the header, e.g. a status chip. */
  extra?: ReactNode;
  /** Footer line, e.g. a deadline badge. */
  footer?: ReactNode;
  /** Makes the whole card a tap target with a chevron. */
  onClick?: () => void;
  className?: string;
  children?: ReactNode;
}

export function Card({ title, extra, footer, onClick, className, children }: CardProps) {
  return (
    <View className={cx('zw-card', onClick && 'zw-card--tappable', className)} hoverClass={onClick ? 'zw-card--pressed' : 'none'} onClick={onClick}>
      {title || extra ? (
        <View className="zw-card__header">
          {title ? <Text className="zw-card__title">{title}</Text> : null}
          {extra ? <View className="zw-card__extra">{extra}</View> : null}
        </View>
      ) : null}
      {children ? <View className="zw-card__body">{children}</View> : null}
      {footer ? <View className="zw-card__footer">{footer}</View> : null}
    </View>
  );
}
