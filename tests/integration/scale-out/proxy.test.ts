// Behind the reverse proxy (production): the client address used by the per-address limits is the
// one the proxy appended to X-Forwarded-For, not an address the client wrote into the header itself.
import { randomBytes } from 'node:crypto';
import { jsonPost } from '../../support/auth';
import { startTestServer, type TestServer } from '../../support/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({
    NODE_ENV: 'production',
    JWT_SECRET: 'proxy-test-secret-0123456789abcdef',
    PII_KEY: Buffer.alloc(32, 3).toString('base64'),
    RATE_LIMIT_SIGNIN: '2/86400',
    JOBS_ENABLED: '0',
    MEDIA_WORKER_ENABLED: '0',
  });
});
afterAll(() => t.close());

/** A sign-in as nginx forwards it with `$proxy_add_x_forwarded_for`: what the client sent, then the address nginx saw. */
const signInVia = (forwardedFor: string) =>
  t.api('/api/auth/staff', { ...jsonPost({ username: 'nobody', password: 'Wrong-password-1!' }), headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor } });

it('a client cannot dodge the sign-in limit by writing its own X-Forwarded-For', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await signInVia(`198.51.100.${i + 1}, 203.0.113.7`)).status);
  expect(statuses).toEqual([401, 401, 429]);
  // Another client (another address seen by the proxy) is not affected.
  expect((await signInVia(`198.51.100.${randomBytes(1)[0]}, 203.0.113.8`)).status).toBe(401);
});
