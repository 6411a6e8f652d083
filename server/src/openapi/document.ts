// OpenAPI 3.1 document built from the route table: the same zod schemas that validate input
// are turned into JSON Schema with zod 4's z.toJSONSchema (OpenAPI 3.1 uses JSON Schema
// 2020-12 as is). Input schemas are described as they are accepted (io: 'input'), response
// schemas as they are sent (io: 'output'). Named schemas (`.meta({ id })`) land in
// components.schemas.
import { apiErrorBodySchema } from '@zwgk/shared';
import { z } from 'zod';
import { VERSION } from '../version';
import { middlewareDoc, type RouteAuth, type RouteDefinition } from './registry';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: '成功',
  201: '已创建',
  204: '成功（无内容）',
  400: '请求有误（字段级原因见 error.details.fields）',
  401: '未登录或登录已过期',
  403: '没有权限',
  404: '未找到',
  409: '冲突（版本已变化或记录已存在）',
  413: '内容过大',
  415: '不支持的内容类型',
  429: '操作过于频繁',
  503: '服务暂时不可用',
};

const AUTH_TEXT = (auth: RouteAuth): string =>
  auth === 'public'
    ? '无需登录'
    : auth === 'signedIn'
      ? '申请人或工作人员'
      : auth === 'citizen'
        ? '申请人（公众）'
        : auth === 'staff'
          ? '工作人员（任一岗位）'
          : `工作人员：${auth.join('、')}`;

/** koa-router ':id' → OpenAPI '{id}'. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    delete json.$schema;
    const defs = json.$defs as Record<string, JsonSchema> | undefined;
    delete json.$defs;
    if (defs) for (const [name, def] of Object.entries(defs)) this.components[name] ??= this.rewriteRefs(def) as JsonSchema;
    return this.rewriteRefs(json) as JsonSchema;
  }

  private rewriteRefs(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.rewriteRefs(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : this.rewriteRefs(v);
      }
      return out;
    }
    return value;
  }
}

function parameters(converter: SchemaConverter, schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = converter.convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

export function operationId(route: Pick<RouteDefinition, 'method' | 'path' | 'operationId'>): string {
  if (route.operationId) return route.operationId;
  const words = route.path
    .replace(/^\/api\//, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by_${w.slice(1)}` : w));
  return [route.method, ...words].join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

export function buildOpenApiDocument(routes: RouteDefinition[], options: { serverUrl?: string } = {}): JsonSchema {
  const converter = new SchemaConverter();
  // Every error answer, by reference (components.schemas.Error, from the contract's ApiErrorBody).
  const errorRef = converter.convert(apiErrorBodySchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of sorted) {
    const notes = route.middleware.map(middlewareDoc).filter((d) => d !== undefined);
    const errorStatuses = new Set<number>(route.errors);
    if (route.params || route.query || route.body) errorStatuses.add(400);
    if (route.auth !== 'public') errorStatuses.add(401);
    if (route.auth !== 'public' && route.auth !== 'signedIn') errorStatuses.add(403);
    for (const n of notes) for (const s of n.errors ?? []) errorStatuses.add(s);

    const responses: Record<string, unknown> = {};
    const successContent = route.status === 204 ? undefined : route.responseContentType ?? 'application/json';
    responses[String(route.status)] = {
      description: STATUS_TEXT[route.status] ?? '成功',
      ...(successContent ? { content: { [successContent]: { schema: route.response ? converter.convert(route.response, 'output') : {} } } } : {}),
    };
    for (const s of [...errorStatuses].sort()) {
      responses[String(s)] = { description: STATUS_TEXT[s] ?? '错误', content: { 'application/json': { schema: errorRef } } };
    }

    const description = [route.description, `权限：${AUTH_TEXT(route.auth)}`, ...notes.map((n) => n.note).filter(Boolean)].filter(Boolean).join('\n\n');
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      description,
      ...(route.tags ? { tags: route.tags } : {}),
      'x-auth': route.auth,
      ...(route.auth === 'public' ? { security: [] } : { security: [{ bearerAuth: [] }] }),
      parameters: [...parameters(converter, route.params, 'path'), ...parameters(converter, route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: { [route.bodyContentType]: { schema: converter.convert(route.body, 'input') } } } }
        : {}),
      responses,
    };
    const path = openApiPath(route.path);
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '政务公开助手 API',
      version: VERSION,
      description: '依申请公开（政府信息公开申请）与年度报告服务的接口。错误统一为 {error: {code, message, details?, requestId}}，message 为中文。',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /api/auth/* 取得的访问令牌（15分钟有效）' } },
      schemas: converter.components,
    },
  };
}
