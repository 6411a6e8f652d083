// Signing in from tests, through the real endpoints.
//   const citizen = await devCitizen(t, '张三');            // needs DEMO_MODE=1
//   const clerk = await staffLogin(t, 'pw_clerk');          // demo accounts (DEMO_MODE=1) or createStaff()
//   await t.api('/api/me', { headers: bearer(clerk.accessToken) });
//   await t.api('/api/x', jsonPost(body, clerk.accessToken));
import type { StaffRole } from '../../server/src/auth/actor';
import { upsertStaff } from '../../server/src/auth/accounts';
import { DEMO_STAFF_PASSWORD } from '../../server/src/demo/staff';
import type { TokenResponse } from '@zwgk/shared';
import type { TestServer } from './server';

export { DEMO_STAFF_PASSWORD };

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

/** RequestInit for a JSON POST (or another method), optionally signed in. */
export function jsonPost(body: unknown, accessToken?: string, method = 'POST'): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...(accessToken ? bearer(accessToken) : {}) },
    body: JSON.stringify(body),
  };
}

async function expectTokens(res: Response, what: string): Promise<TokenResponse> {
  if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenResponse;
}

/** Development citizen login (demo mode): the same name is the same citizen. */
export async function devCitizen(t: Pick<TestServer, 'api'>, name = '测试用户'): Promise<TokenResponse> {
  return expectTokens(await t.api('/api/auth/dev-citizen', jsonPost({ name })), `dev-citizen ${name}`);
}

export async function staffLogin(t: Pick<TestServer, 'api'>, username: string, password = DEMO_STAFF_PASSWORD): Promise<TokenResponse> {
  return expectTokens(await t.api('/api/auth/staff', jsonPost({ username, password })), `staff ${username}`);
}

/** Creates (or updates) a staff account directly in the test server's database; the body must exist. */
export async function createStaff(input: { username: string; role: StaffRole; bodyId: string; password?: string; name?: string; countyWide?: boolean }) {
  return upsertStaff({ password: DEMO_STAFF_PASSWORD, name: `测试${input.role}`, ...input });
}

/** The JSON body of a response, untyped (tests assert its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
