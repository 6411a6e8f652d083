// The citizen's session on this device: tokens (api/storage) plus the profile, sign-in through
// the platform's own way (platform/sign-in: WeChat code on weapp, the demo citizen on H5),
// sign-out, and a hook that re-renders on change. Pages are separate trees on weapp, so
// changes are broadcast through Taro's event centre.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { authApi, tokensOf, type CitizenProfile, type TokenResponse } from '../api/citizen';
import { citizenApi } from '../api/client';
import { clearTokens, loadTokens, saveTokens, storage } from '../api/storage';
import { obtainSignIn } from '../platform/sign-in';

/** Triggered with the new Session on every sign-in and sign-out. */
export const sessionEvent = 'zwgk:session';
const event = sessionEvent;
const profileKey = 'session.profile';

export interface Session {
  signedIn: boolean;
  profile: CitizenProfile | undefined;
}

export function currentSession(): Session {
  const signedIn = loadTokens('citizen') !== undefined;
  return { signedIn, profile: signedIn ? storage.read<CitizenProfile>(profileKey) : undefined };
}

function changed(): void {
  Taro.eventCenter.trigger(event, currentSession());
}

export function completeSignIn(response: TokenResponse): void {
  saveTokens(tokensOf(response));
  if (response.me.kind === 'citizen') storage.write(profileKey, response.me);
  changed();
}

let signingIn: Promise<void> | undefined;

/** Signs in the platform's way (one attempt at a time). Rejects with ApiError. */
export function signIn(): Promise<void> {
  signingIn ??= obtainSignIn()
    .then(completeSignIn)
    .finally(() => {
      signingIn = undefined;
    });
  return signingIn;
}

/** Signs in only when not signed in yet. */
export async function ensureSignedIn(): Promise<void> {
  if (!currentSession().signedIn) await signIn();
}

export async function signOut(): Promise<void> {
  const tokens = loadTokens('citizen');
  clearTokens('citizen');
  storage.remove(profileKey);
  changed();
  // Revoke the refresh token on the server; signing out on the device does not wait for it.
  if (tokens) await authApi.logout(tokens.refreshToken).catch(() => undefined);
}

// The client clears the tokens itself when a session cannot be refreshed.
citizenApi.setSignedOutHandler(() => {
  storage.remove(profileKey);
  changed();
});

export function useSession(): Session {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const listener = (next: Session) => setSession(next);
    Taro.eventCenter.on(event, listener);
    // Another page may have signed in or out while this one was hidden.
    setSession(currentSession());
    return () => {
      Taro.eventCenter.off(event, listener);
    };
  }, []);
  return session;
}
