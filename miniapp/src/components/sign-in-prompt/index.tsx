import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { signInHint, signInLabel } from '../../platform/sign-in';
import { signIn } from '../../session';
import { PrimaryButton } from '../primary-button';
import './sign-in-prompt.css';

export interface SignInPromptProps {
  /** Why signing in is needed here. */
  reason: string;
}

/** "Sign in to continue", with the platform's sign-in button (WeChat, or the demo citizen on H5). */
export function SignInPrompt({ reason }: SignInPromptProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const go = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zw-signin">
      <Text className="zw-signin__reason">{reason}</Text>
      <Text className="zw-signin__hint">{signInHint}</Text>
      {error ? <Text className="zw-signin__error">{error}</Text> : null}
      <PrimaryButton loading={busy} onClick={() => void go()}>
        {signInLabel}
      </PrimaryButton>
    </View>
  );
}
