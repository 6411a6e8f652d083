import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '../cx';
import './primary-button.css';

export interface PrimaryButtonProps {
  children: ReactNode;
  onClick?: () => void;
  /** 'secondary' for the quieter action beside a primary one; 'danger' for withdraw etc. */
  variant?: 'primary' | 'secondary' | 'danger';
  disabled?: boolean;
  /** Shows a spinner and ignores taps (e.g. while submitting). */
  loading?: boolean;
  /** Full width (the default on a phone). */
  block?: boolean;
  /** WeChat open abilities ride on the same button, e.g. 'share'. */
  openType?: 'share' | 'contact' | 'getPhoneNumber' | 'feedback';
}

export function PrimaryButton({ children, onClick, variant = 'primary', disabled = false, loading = false, block = true, openType }: PrimaryButtonProps) {
  return (
    <Button
      className={cx('zw-button', `zw-button--${variant}`, block && 'zw-button--block', (disabled || loading) && 'zw-button--disabled')}
      disabled={disabled || loading}
      loading={loading}
      openType={openType}
      onClick={disabled || loading ? undefined : onClick}
    >
      {children}
    </Button>
  );
}
