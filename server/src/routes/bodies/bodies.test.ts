import { startTestServer, type TestServer } from '../../../../tests/support/server';
import { forgetBodyDirectory } from './directory';
import { bodyDirectorySchema } from '@zwgk/shared';

// GET /api/bodies against the real server and embedded database, with the demo bodies of 平武县.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ DEMO_MODE: '1', JOBS_ENABLED: '0' });
  forgetBodyDirectory();
});
afterAll(() => t.close());

it('lists every body with its guide, the county government first, without signing in', async () => {
  const res = await t.api('/api/bodies');
  expect(res.status).toBe(200);
  const { items } = bodyDirectorySchema.parse(await res.json());

  expect(items).toHaveLength(48); // 1 office + 27 departments + 20 townships (server/src/demo/bodies.ts)
  expect(items[0]).toEqual({
    id: 'pingwu-gov-office',
    name: '平武县人民政府办公室',
    kind: 'government',
    county: 'pingwu',
    countyName: '平武县',
    guide: expect.objectContaining({ address: expect.stringContaining('平武县'), phone: '0816-8822122', hours: expect.stringContaining('工作日') }),
  });
  const kinds = items.map((b) => b.kind);
  expect(kinds.lastIndexOf('department')).toBeLessThan(kinds.indexOf('township'));
  expect(res.headers.get('cache-control')).toContain('max-age');
});

it('filters by county and refuses unknown query fields', async () => {
  const other = await t.api('/api/bodies?county=nowhere');
  expect((await other.json()) as unknown).toEqual({ items: [] });
  expect((await t.api('/api/bodies?county=pingwu').then((r) => r.json()) as { items: unknown[] }).items).toHaveLength(48);
  expect((await t.api('/api/bodies?sort=name')).status).toBe(400);
});
