// Shared setup of the report tests: a server in demo mode — the county's bodies, the demo staff,
// the county office's seven 2023 requests behind the seed's table 三 with the reconsideration and
// lawsuits behind its table 四 (server/src/demo/requests.ts), and the 2023 year of published
// content whose counts equal the seed's section 一 and table 二 (server/src/demo/media.ts).
import { readFileSync } from 'node:fs';
import { readReport, type AnnualReport } from '@zwgk/shared';
import { join } from 'node:path';
import { signAccessToken } from '../../../server/src/auth/accessToken';
import type { StaffActor } from '../../../server/src/auth/actor';
import { RequestModel } from '../../../server/src/requests/models/request';
import { startTestServer, REPO_ROOT, type TestServer } from '../../support/server';

export const OFFICE = 'pingwu-gov-office';
export const EDUCATION = 'pingwu-education';
export const SEED_TEXT = readFileSync(join(REPO_ROOT, 'shared/src/report/fixtures/pingwu-2023.txt'), 'utf8');
export const seedReport = (): AnnualReport => readReport(SEED_TEXT).report;

export const actors = {
  reviewer: { kind: 'staff', staffId: 'staff-pw_reviewer', role: 'reviewer', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  clerk: { kind: 'staff', staffId: 'staff-pw_clerk', role: 'clerk', bodyId: OFFICE, countyWide: false, county: 'pingwu' },
  countyAdmin: { kind: 'staff', staffId: 'staff-pw_admin', role: 'admin', bodyId: OFFICE, countyWide: true, county: 'pingwu' },
  eduClerk: { kind: 'staff', staffId: 'staff-edu_clerk', role: 'clerk', bodyId: EDUCATION, countyWide: false, county: 'pingwu' },
  eduAdmin: { kind: 'staff', staffId: 'staff-edu_admin', role: 'admin', bodyId: EDUCATION, countyWide: false, county: 'pingwu' },
} satisfies Record<string, StaffActor>;

export interface Api {
  (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string; bytes: Buffer; headers: Headers }>;
}

/** HTTP as `actor` (anonymous when undefined). */
export function apiAs(t: TestServer, actor?: StaffActor): Api {
  const token = actor ? signAccessToken(t.config.jwtSecret, actor) : undefined;
  return async (method, path, body, headers = {}) => {
    const res = await t.api(path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let json: unknown = null;
    if ((res.headers.get('content-type') ?? '').includes('json')) json = JSON.parse(text);
    return { status: res.status, json, text, bytes, headers: res.headers };
  };
}

export async function startReportServer(): Promise<TestServer> {
  return startTestServer({ DEMO_MODE: '1', PUBLIC_BASE_URL: 'https://zwgk.example.gov.cn' });
}

// ---- the seed's seven requests ---------------------------------------------------------------

/**
 * The demo data (server/src/demo/requests.ts) holds the office's seven 2023 requests of the
 * seed, as lifecycle events; the report reads those events. Fails loudly if they are missing.
 */
export async function ensureSeedRequests(): Promise<void> {
  const n = await RequestModel.countDocuments({ bodyId: OFFICE, receivedOn: { $gte: '2023-01-01', $lte: '2023-12-31' } });
  if (n !== 7) throw new Error(`the demo data should hold the office's seven 2023 requests, found ${n}`);
}

/** Section 二 inputs and the narrative as the office typed them for the seed report. */
export function seedInputs(version: number) {
  const seed = seedReport();
  return {
    version,
    section2: { licensing: 0, punishment: 0, coercion: 0, fees_wan_yuan: 0 },
    narrative: seed.narrative,
  };
}
