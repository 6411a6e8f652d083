// Structured JSON logs (pino). Personal data must never reach a log line: request
// bodies are never logged, only the path (no query string) of a request, and these
// paths are redacted wherever an object is logged by mistake.
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/** Field names that carry personal data or secrets, redacted at any depth up to 3. */
const SENSITIVE_KEYS = ['idNumber', 'idCard', 'phone', 'mobile', 'password', 'passwordHash', 'secret', 'token', 'authorization', 'cookie', 'encrypted'];

const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
];

/**
 * pino's error serializer, with every object-valued field turned into plain data (its JSON form):
 * the MongoDB driver's errors carry topology descriptions (class instances, Maps, references back),
 * and redaction walking into those made pino replace the whole error — message and stack included
 * — by "[unable to serialize, circular reference …]". A field with no JSON form is named instead.
 * Plain objects stay objects, so redaction still reaches inside them.
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Object)) return err;
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (value === null || typeof value !== 'object') continue;
    try {
      out[key] = JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      out[key] = `[${value.constructor?.name ?? 'object'}: not serialisable]`;
    }
  }
  return out;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'zwgk-server' },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = pino({ level: 'silent' });
