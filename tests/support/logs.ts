// A pino logger whose JSON lines are kept in memory, for asserting what gets logged.
import { createLogger, type Logger } from '../../server/src/log';

export interface CapturedLogs {
  logger: Logger;
  /** Parsed log lines so far. */
  lines(): Array<Record<string, unknown>>;
  /** All raw output so far (to assert something is absent). */
  text(): string;
}

export function captureLogs(level: 'info' | 'debug' | 'warn' = 'info'): CapturedLogs {
  let raw = '';
  const logger = createLogger(level, { write: (chunk: string) => void (raw += chunk) });
  return {
    logger,
    lines: () => raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => raw,
  };
}
