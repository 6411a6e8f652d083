// Makes a zod 4 schema refuse unknown keys at every level of objects (and objects inside unions,
// optionals, arrays), keeping its refinements and messages. For schemas written with z.object
// elsewhere (e.g. shared/src/filing) that the API must apply strictly: an unknown field — or a
// MongoDB operator such as `{"$gt": ""}` where a value belongs — is a 400, not silently dropped.
// Also how answers are checked against their response schemas (openapi/defineRoute.ts). A schema
// that says so itself (z.looseObject: "more fields may follow") stays open at that level.
import { z } from 'zod';

type Def = Record<string, unknown> & { type: string };
type Internal = { _zod: { def: Def }; clone(def: Def): z.ZodType };

const unknownKeysMessage = (keys: readonly string[]) => `不支持的字段：${keys.join('、')}`;

function withUnknownKeysMessage(previous: unknown) {
  return (issue: { code?: string; keys?: readonly string[] }) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) return unknownKeysMessage(issue.keys);
    return typeof previous === 'function' ? (previous as (i: unknown) => unknown)(issue) : undefined;
  };
}

export function deepStrict<S extends z.ZodType>(schema: S): S {
  const s = schema as unknown as Internal;
  const def = s._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, deepStrict(v)]));
      if (def.catchall) return s.clone({ ...def, shape }) as unknown as S;
      return s.clone({ ...def, shape, catchall: z.never(), error: withUnknownKeysMessage(def.error) }) as unknown as S;
    }
    case 'record':
      return s.clone({ ...def, valueType: deepStrict(def.valueType as z.ZodType) }) as unknown as S;
    case 'union':
      return s.clone({ ...def, options: (def.options as z.ZodType[]).map((o) => deepStrict(o)) }) as unknown as S;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return s.clone({ ...def, innerType: deepStrict(def.innerType as z.ZodType) }) as unknown as S;
    case 'array':
      return s.clone({ ...def, element: deepStrict(def.element as z.ZodType) }) as unknown as S;
    case 'pipe':
      return s.clone({ ...def, in: deepStrict(def.in as z.ZodType) }) as unknown as S;
    default:
      return schema;
  }
}
