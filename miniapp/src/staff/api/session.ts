// The staff session: sign-in stores the tokens (audience 'staff', separate from a citizen's on the
// same phone) and the profile; the API client refreshes an expired access token once and, when the
// session is over, sends the person back to the sign-in page.
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { staffApi } from '../../api/client';
import { clearTokens, loadTokens, saveTokens, storage } from '../../api/storage';
import { pageUrl } from '../../routes';
import { staffEndpoints } from './staff-api';
import type { StaffProfile } from './profile';

const PROFILE_KEY = 'staff.profile';

let installed = false;

function goToSignIn(): void {
  void Taro.redirectTo({ url: pageUrl('staffLogin') });
}

/** Installs the refresh and signed-out handlers of the staff client (idempotent). */
export function installStaffSession(): void {
  if (installed) return;
  installed = true;
  staffApi.setRefreshHandler(async (tokens) => {
    const answer = await staffEndpoints.refresh(tokens.refreshToken);
    return { accessToken: answer.accessToken, refreshToken: answer.refreshToken, audience: 'staff' };
  });
  staffApi.setSignedOutHandler(() => {
    storage.remove(PROFILE_KEY);
    goToSignIn();
  });
}

export async function signIn(username: string, password: string): Promise<StaffProfile> {
  installStaffSession();
  const answer = await staffEndpoints.signIn(username, password);
  if (answer.me.kind !== 'staff') throw new Error('not a staff account');
  saveTokens({ accessToken: answer.accessToken, refreshToken: answer.refreshToken, audience: 'staff' });
  storage.write(PROFILE_KEY, answer.me);
  return answer.me;
}

export async function signOut(): Promise<void> {
  const tokens = loadTokens('staff');
  clearTokens('staff');
  storage.remove(PROFILE_KEY);
  if (tokens) await staffEndpoints.logout(tokens.refreshToken).catch(() => undefined);
  goToSignIn();
}

export function cachedProfile(): StaffProfile | undefined {
  return loadTokens('staff') ? storage.read<StaffProfile>(PROFILE_KEY) : undefined;
}

/**
 * The signed-in staff member for a console page: the cached profile at once, then confirmed by
 * GET /api/me (role changes take effect). Without a session the page goes to sign-in.
 */
export function useStaffProfile(): StaffProfile | undefined {
  const [profile, setProfile] = useState<StaffProfile | undefined>(cachedProfile);
  useEffect(() => {
    installStaffSession();
    if (!loadTokens('staff')) {
      goToSignIn();
      return;
    }
    let live = true;
    staffEndpoints
      .me()
      .then((me) => {
        if (!live) return;
        if (me.kind !== 'staff') return void signOut();
        storage.write(PROFILE_KEY, me);
        setProfile(me);
      })
      .catch(() => undefined); // offline: keep the cached profile; a 401 already redirected
    return () => {
      live = false;
    };
  }, []);
  return profile;
}
