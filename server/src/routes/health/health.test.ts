import mongoose from 'mongoose';
import { healthResponseSchema } from '@zwgk/shared';
import { startTestServer, type TestServer } from '../../../../tests/support/server';
import { CONNECT_OPTIONS } from '../../db/connection';
import { VERSION } from '../../version';

describe('GET /api/health', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('answers 200 {status: ok, db: ok, version} when the database answers ping', async () => {
    const res = await t.api('/api/health');
    expect(res.status).toBe(200);
    const body = healthResponseSchema.parse(await res.json());
    expect(body).toEqual({ status: 'ok', db: 'ok', version: VERSION });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 {db: unavailable} within ~1 s when the database connection is gone', async () => {
    await mongoose.disconnect();
    try {
      const started = Date.now();
      const res = await t.api('/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', db: 'unavailable', version: VERSION });
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await mongoose.connect(t.config.mongodbUri!, CONNECT_OPTIONS);
    }
  });
});
