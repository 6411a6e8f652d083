// The public lookup's limits come from configuration (RATE_LIMIT_LOOKUP_IP, RATE_LIMIT_LOOKUP_NUMBER):
// a server started with small limits refuses at those limits, with the Chinese messages, and a
// limit set to `off` does not refuse. The defaults (30 per minute per address, 20 per 10 minutes
// per number) are what lookup.test.ts runs with. Outside production every request comes from
// 127.0.0.1 (X-Forwarded-For is not trusted), so each limit gets a server of its own.
import { startTestServer, type TestServer } from '../../support/server';
import { citizen, client, fileAs, seedWorld } from './support';

const lookup = (t: TestServer, number: string, code: string) => t.api(`/api/lookup?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`);

async function statusesOf(t: TestServer, n: number, number: string, code: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await lookup(t, number, code)).status);
  return statuses;
}

// Hour-long windows so a window boundary cannot fall inside a test.
describe('RATE_LIMIT_LOOKUP_IP=3/3600, RATE_LIMIT_LOOKUP_NUMBER=off', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ RATE_LIMIT_LOOKUP_IP: '3/3600', RATE_LIMIT_LOOKUP_NUMBER: 'off' });
    await seedWorld();
  });
  afterAll(() => t.close());

  it('refuses the fourth lookup from one address, whatever the number', async () => {
    const [a, b] = [await fileAs(client(t, citizen('cLookLimit01'))), await fileAs(client(t, citizen('cLookLimit02')))];
    expect([...(await statusesOf(t, 2, a.number, a.queryCode)), ...(await statusesOf(t, 1, b.number, b.queryCode))]).toEqual([200, 200, 200]);
    const over = await lookup(t, b.number, b.queryCode);
    expect([over.status, over.headers.get('ratelimit-limit')]).toEqual([429, '3']);
    expect(((await over.json()) as any).error).toMatchObject({ code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' });
  });
});

describe('RATE_LIMIT_LOOKUP_IP=off, RATE_LIMIT_LOOKUP_NUMBER=5/3600', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ RATE_LIMIT_LOOKUP_IP: 'off', RATE_LIMIT_LOOKUP_NUMBER: '5/3600' });
    await seedWorld();
  });
  afterAll(() => t.close());

  it('refuses the sixth lookup of one number, even with the right code; other numbers are not affected', async () => {
    const [a, b] = [await fileAs(client(t, citizen('cLookLimit03'))), await fileAs(client(t, citizen('cLookLimit04')))];
    expect(await statusesOf(t, 6, a.number, 'WRONGCODE2')).toEqual([404, 404, 404, 404, 404, 429]);
    const over = await lookup(t, a.number, a.queryCode);
    expect([over.status, over.headers.get('ratelimit-limit')]).toEqual([429, '5']);
    expect(((await over.json()) as any).error.message).toBe('该申请编号查询过于频繁，请稍后再试');
    // Another number is counted on its own.
    expect(await statusesOf(t, 5, b.number, b.queryCode)).toEqual(Array(5).fill(200));
    // The address is not limited (off): more than the default 30 lookups, one per number.
    const many: number[] = [];
    for (let i = 0; i < 32; i++) many.push((await lookup(t, `PWZF-2026-9${String(i).padStart(5, '0')}`, 'WRONGCODE2')).status);
    expect(many).toEqual(Array(32).fill(404));
  });
});
