// /api/openapi.json is generated from the route table: every route of the real app is in it,
// with its schemas; no route escapes defineRoute; /api/docs lists them.
import { openApiPath } from '../../../server/src/openapi/document';
import { routeTable, undeclaredRoutes } from '../../../server/src/openapi/registry';
import { json } from '../../support/auth';
import { startTestServer, type TestServer } from '../../support/server';

let t: TestServer;

/** Follows a local $ref into components.schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resolve(doc: any, schema: any): any {
  return typeof schema?.$ref === 'string' ? resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;
}
beforeAll(async () => {
  t = await startTestServer({ DEMO_MODE: '1' });
});
afterAll(() => t.close());

test('every registered route is declared with defineRoute (none escapes the table)', () => {
  expect(undeclaredRoutes(t.server.app)).toEqual([]);
  const table = routeTable(t.server.app);
  for (const path of ['/api/health', '/api/openapi.json', '/api/docs', '/api/auth/wechat', '/api/auth/dev-citizen', '/api/auth/staff', '/api/auth/refresh', '/api/auth/logout', '/api/me']) {
    expect(table.map((r) => r.path)).toContain(path);
  }
});

test('openapi.json lists every route of the table with its auth and schemas', async () => {
  const res = await t.api('/api/openapi.json');
  expect(res.status).toBe(200);
  const doc = await json(res);
  expect(doc.openapi).toBe('3.1.0');
  const table = routeTable(t.server.app);
  const operations = Object.values(doc.paths as Record<string, object>).flatMap((ops) => Object.keys(ops));
  expect(operations).toHaveLength(table.length);
  for (const route of table) {
    const op = doc.paths[openApiPath(route.path)]?.[route.method];
    expect({ route: `${route.method} ${route.path}`, found: Boolean(op) }).toEqual({ route: `${route.method} ${route.path}`, found: true });
    expect(op['x-auth']).toEqual(route.auth);
    expect(typeof op.summary).toBe('string');
    if (route.body && route.bodyContentType === 'application/json') {
      // A strict object, or a union of strict objects (e.g. staff actions by `type`).
      const schema = resolve(doc, op.requestBody.content['application/json'].schema);
      for (const option of schema.oneOf ?? schema.anyOf ?? [schema]) {
        const object = resolve(doc, option);
        expect({ route: `${route.method} ${route.path}`, type: object.type, additionalProperties: object.additionalProperties }).toEqual({
          route: `${route.method} ${route.path}`,
          type: 'object',
          additionalProperties: false,
        });
      }
    }
    if (route.response) expect(Object.keys(op.responses[String(route.status)].content).length).toBe(1);
    if (route.auth !== 'public') expect(op.responses['401']).toBeDefined();
    for (const name of route.path.match(/:([A-Za-z0-9_]+)/g) ?? []) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: name.slice(1), in: 'path', required: true }));
    }
  }
  // The auth routes in detail: the schemas that validate are the ones documented.
  const staff = doc.paths['/api/auth/staff'].post;
  expect(staff.requestBody.content['application/json'].schema).toMatchObject({ required: ['username', 'password'], properties: { password: { maxLength: 256 } } });
  expect(staff.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TokenResponse' });
  expect(doc.components.schemas.TokenResponse.properties.me).toEqual({ $ref: '#/components/schemas/Me' });
  expect(staff.responses['429']).toBeDefined(); // documented by the rate-limit middleware
  expect(doc.paths['/api/me'].get.security).toEqual([{ bearerAuth: [] }]);
  // Every $ref resolves.
  for (const ref of JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? []) {
    expect(doc.components.schemas[ref.slice(22, -1)]).toBeDefined();
  }
});

test('/api/docs is a self-contained HTML page listing the operations', async () => {
  const res = await t.api('/api/docs');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await res.text();
  expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  for (const route of routeTable(t.server.app)) expect(html).toContain(openApiPath(route.path));
});
