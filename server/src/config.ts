// Configuration: read once from the environment and validated with zod at start-up,
// so a bad deployment fails immediately with one line naming the variable instead of
// misbehaving later. `loadConfig` is pure (env in, Config out) so it is unit-testable;
// I/O checks (DATA_DIR writable) live in `prepareDataDir`.
// Add variables additively: one entry in `schema`, one field in `Config`, one README row.
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '@zwgk/shared';
import { z } from 'zod';

export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** Absolute path; holds the embedded database (`db/`) and other local state. */
  dataDir: string;
  /** Set → use that MongoDB; absent → the server runs the embedded FerretDB. */
  mongodbUri: string | undefined;
  /** Port of the embedded database; undefined → a free port is chosen at start. */
  embeddedDbPort: number | undefined;
  logLevel: LogLevel;
  jwtSecret: string;
  /** 32-byte AES-256-GCM key for personal data at rest. */
  piiKey: Buffer;
  /** Demo data + development citizen login. Never in production. */
  demoMode: boolean;
  /** Where people reach the server (links in cards, feeds, QR codes). */
  publicBaseUrl: string;
  wechatApiBase: string;
  wechatAppId: string | undefined;
  wechatSecret: string | undefined;
  weiboApiBase: string;
  redisUrl: string | undefined;
  /** Run the job runner (reminders, subscribe-message sends, outbox) in this instance. */
  jobsEnabled: boolean;
  /** How often an idle runner looks for due jobs. */
  jobsPollMs: number;
  /** Lease of a running job; extended every third of it while the job runs. */
  jobsLeaseMs: number;
  /** First retry delay of a job that failed transiently (doubles per attempt, up to 30 min). */
  jobsRetryMs: number;
  /** Period of the request outbox's sweep, which performs what a process that died left owed (requests/commands/outbox.ts); a scan on FerretDB. */
  outboxSweepMs: number;
  /** How often a process tries again what it could not perform itself (by `_id`). */
  outboxRetryMs: number;
  /** Comment lines on open live streams (/api/stream) so proxies keep them open. */
  streamHeartbeatMs: number;
  /** Subscribe-message templates (WeChat console) per notification template key; absent → not sent. */
  wechatTemplates: Partial<Record<SubscribeTemplateKey, SubscribeTemplate>>;
  /** Fixed-window limits (middleware/rateLimit.ts); undefined = off. */
  rateLimits: {
    signin: RateRule | undefined;
    filing: RateRule | undefined;
    /** Public status lookup per client address. */
    lookupIp: RateRule | undefined;
    /** Public status lookup per 申请编号, whoever asks (so a 查询码 cannot be guessed from many addresses). */
    lookupNumber: RateRule | undefined;
  };
  /** New-media outbox (server/src/media): run its worker in this instance. */
  mediaWorkerEnabled: boolean;
  /** Base of the links to items on the body's own site (Weibo posts, WeChat 阅读原文, feeds); default PUBLIC_BASE_URL. */
  mediaSiteBaseUrl: string | undefined;
  /** Per platform call of the outbox (WeChat, Weibo, webhooks). */
  mediaPlatformTimeoutMs: number;
  /** Between WeChat freepublish/get polls. */
  mediaWechatPollMs: number;
  /** Signed webhook for accounts without their own (e.g. the website CMS). */
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  /** Things an operator should know (insecure development defaults); logged at start. */
  warnings: string[];
}

/** Our names for the subscribe-message templates a citizen can accept in the app (the API contract's list). */
export { SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey };
/** What a template keyword can show (notifications/wechat.ts fills them). */
export const SUBSCRIBE_FIELDS = ['number', 'title', 'status', 'date', 'note', 'due', 'notice'] as const;
export type SubscribeField = (typeof SUBSCRIBE_FIELDS)[number];
export interface SubscribeTemplate {
  id: string;
  /** keyword (e.g. 'thing2') → field */
  keys: Record<string, SubscribeField>;
}
/** The keyword layout of the 申请进度通知 template (申请编号/申请事项/办理状态/更新日期/温馨提示). */
export const DEFAULT_TEMPLATE_KEYS = 'character_string1=number,thing2=title,phrase3=status,date4=date,thing5=note';

/** At most `limit` hits per `windowMs` for one key (IP or account). */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** A configuration problem; `message` is the single line printed before exiting. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`配置错误 Configuration error: ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'zwgk-development-only-jwt-secret-do-not-use-in-production';
const DEV_PII_KEY = createHash('sha256').update('zwgk-development-only-pii-key').digest();

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const port = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected a number 0–65535 (${name} 应为端口号)`)
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, `expected a number 0–65535 (${name} 应为端口号)`);

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `expected a URL starting with ${protocols.map((p) => p + '//').join(' or ')} (应为网址)`);

const bool = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => ['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), 'expected 1/0, true/false, yes/no or on/off')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const millis = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected milliseconds, a whole number (${name} 应为毫秒数)`)
    .transform(Number)
    .refine((n) => n >= 10 && n <= 24 * 3600_000, `expected 10 ms to 24 h (${name} 应在10毫秒到24小时之间)`);

/** 'thing2=title,date4=date' → {thing2: 'title', date4: 'date'} */
function parseTemplateKeys(value: string): Record<string, SubscribeField> | string {
  const keys: Record<string, SubscribeField> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [keyword, field] = part.split('=').map((p) => p.trim());
    if (!keyword || !/^[a-z_]+\d+$/.test(keyword)) return `bad keyword "${keyword ?? ''}" (expected e.g. thing2)`;
    if (!field || !(SUBSCRIBE_FIELDS as readonly string[]).includes(field)) return `bad field "${field ?? ''}" for ${keyword} (one of ${SUBSCRIBE_FIELDS.join(', ')})`;
    keys[keyword] = field as SubscribeField;
  }
  return Object.keys(keys).length ? keys : 'expected keyword=field pairs, e.g. thing2=title,date4=date';
}

const templateKeys = z.string().transform((v, ctx) => {
  const parsed = parseTemplateKeys(v);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const rateRule = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v === 'off' || /^\d+\/\d+$/.test(v), 'expected <count>/<seconds> (e.g. 30/60) or off')
  .transform((v): RateRule | null => {
    if (v === 'off') return null;
    const [limit, seconds] = v.split('/').map(Number) as [number, number];
    return { limit, windowMs: seconds * 1000 };
  })
  .refine((r) => r === null || (r.limit >= 1 && r.windowMs >= 1000), 'count and seconds must be at least 1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], 'expected development, test or production').default('development'),
  PORT: port('PORT').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: optionalString.pipe(url(['mongodb:', 'mongodb+srv:']).optional()),
  EMBEDDED_DB_PORT: optionalString.pipe(port('EMBEDDED_DB_PORT').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected fatal, error, warn, info, debug, trace or silent').optional(),
  JWT_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters (至少16个字符)').optional()),
  PII_KEY: optionalString,
  DEMO_MODE: bool.optional(),
  PUBLIC_BASE_URL: optionalString.pipe(url(['http:', 'https:']).optional()),
  WECHAT_API_BASE: url(['http:', 'https:']).default('https://api.weixin.qq.com'),
  WECHAT_APPID: optionalString,
  WECHAT_SECRET: optionalString,
  WEIBO_API_BASE: url(['http:', 'https:']).default('https://api.weibo.com'),
  REDIS_URL: optionalString.pipe(url(['redis:', 'rediss:']).optional()),
  MEDIA_WORKER_ENABLED: bool.optional(),
  MEDIA_SITE_BASE_URL: optionalString.pipe(url(['http:', 'https:']).optional()),
  MEDIA_PLATFORM_TIMEOUT_MS: optionalString.pipe(millis('MEDIA_PLATFORM_TIMEOUT_MS').optional()),
  MEDIA_WECHAT_POLL_MS: optionalString.pipe(millis('MEDIA_WECHAT_POLL_MS').optional()),
  WEBHOOK_URL: optionalString.pipe(url(['http:', 'https:']).optional()),
  WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters (至少16个字符)').optional()),
  RATE_LIMIT_SIGNIN: optionalString.pipe(rateRule.optional()),
  RATE_LIMIT_FILING: optionalString.pipe(rateRule.optional()),
  RATE_LIMIT_LOOKUP_IP: optionalString.pipe(rateRule.optional()),
  RATE_LIMIT_LOOKUP_NUMBER: optionalString.pipe(rateRule.optional()),
  JOBS_ENABLED: bool.optional(),
  JOBS_POLL_MS: optionalString.pipe(millis('JOBS_POLL_MS').optional()),
  JOBS_LEASE_MS: optionalString.pipe(millis('JOBS_LEASE_MS').optional()),
  JOBS_RETRY_MS: optionalString.pipe(millis('JOBS_RETRY_MS').optional()),
  OUTBOX_SWEEP_MS: optionalString.pipe(millis('OUTBOX_SWEEP_MS').optional()),
  OUTBOX_RETRY_MS: optionalString.pipe(millis('OUTBOX_RETRY_MS').optional()),
  STREAM_HEARTBEAT_MS: optionalString.pipe(millis('STREAM_HEARTBEAT_MS').optional()),
  WECHAT_TEMPLATE_STATUS: optionalString,
  WECHAT_TEMPLATE_REPLY: optionalString,
  WECHAT_TEMPLATE_CORRECTION: optionalString,
  WECHAT_TEMPLATE_STATUS_KEYS: optionalString.pipe(templateKeys.optional()),
  WECHAT_TEMPLATE_REPLY_KEYS: optionalString.pipe(templateKeys.optional()),
  WECHAT_TEMPLATE_CORRECTION_KEYS: optionalString.pipe(templateKeys.optional()),
});

/** Parses the environment; throws ConfigError naming every bad variable (on one line). */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const name = (issue: z.core.$ZodIssue) => String(issue.path[0] ?? 'environment');
    const extra = rest.map((i) => `; ${name(i)}: ${i.message}`).join('');
    throw new ConfigError(name(first!), first!.message + extra);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const warnings: string[] = [];

  if (production && !e.JWT_SECRET) throw new ConfigError('JWT_SECRET', 'required when NODE_ENV=production (生产环境必须设置)');
  if (production && !e.PII_KEY) throw new ConfigError('PII_KEY', 'required when NODE_ENV=production (生产环境必须设置)');
  if (production && e.DEMO_MODE) throw new ConfigError('DEMO_MODE', 'not allowed when NODE_ENV=production (生产环境不得开启演示模式)');

  let piiKey = DEV_PII_KEY;
  if (e.PII_KEY) {
    const key = Buffer.from(e.PII_KEY, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(e.PII_KEY)) {
      throw new ConfigError('PII_KEY', 'expected 32 bytes in base64, e.g. `openssl rand -base64 32` (应为32字节的base64密钥)');
    }
    piiKey = key;
  } else {
    warnings.push('PII_KEY not set: using the fixed development key; personal data is NOT protected');
  }
  if (!e.JWT_SECRET) warnings.push('JWT_SECRET not set: using the fixed development secret; tokens can be forged');

  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(cwd, e.DATA_DIR),
    mongodbUri: e.MONGODB_URI,
    embeddedDbPort: e.EMBEDDED_DB_PORT,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
    piiKey,
    demoMode: e.DEMO_MODE ?? false,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    wechatApiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
    wechatAppId: e.WECHAT_APPID,
    wechatSecret: e.WECHAT_SECRET,
    weiboApiBase: e.WEIBO_API_BASE.replace(/\/+$/, ''),
    redisUrl: e.REDIS_URL,
    rateLimits: {
      signin: ruleOr(e.RATE_LIMIT_SIGNIN, { limit: 30, windowMs: 60_000 }),
      filing: ruleOr(e.RATE_LIMIT_FILING, { limit: 30, windowMs: 3600_000 }),
      // A person checking a few requests is fine; a guessing loop is not.
      lookupIp: ruleOr(e.RATE_LIMIT_LOOKUP_IP, { limit: 30, windowMs: 60_000 }),
      lookupNumber: ruleOr(e.RATE_LIMIT_LOOKUP_NUMBER, { limit: 20, windowMs: 600_000 }),
    },
    jobsEnabled: e.JOBS_ENABLED ?? true,
    jobsPollMs: e.JOBS_POLL_MS ?? 1000,
    jobsLeaseMs: e.JOBS_LEASE_MS ?? 30_000,
    jobsRetryMs: e.JOBS_RETRY_MS ?? 5000,
    outboxSweepMs: e.OUTBOX_SWEEP_MS ?? 300_000,
    outboxRetryMs: e.OUTBOX_RETRY_MS ?? 5000,
    streamHeartbeatMs: e.STREAM_HEARTBEAT_MS ?? 15_000,
    wechatTemplates: subscribeTemplates(e),
    mediaWorkerEnabled: e.MEDIA_WORKER_ENABLED ?? true,
    mediaSiteBaseUrl: e.MEDIA_SITE_BASE_URL?.replace(/\/+$/, ''),
    mediaPlatformTimeoutMs: e.MEDIA_PLATFORM_TIMEOUT_MS ?? 10_000,
    mediaWechatPollMs: e.MEDIA_WECHAT_POLL_MS ?? 3000,
    webhookUrl: e.WEBHOOK_URL,
    webhookSecret: e.WEBHOOK_SECRET,
    warnings,
  };
}

/** Unset → the default; `off` (parsed as null) → no limit. */
function ruleOr(value: RateRule | null | undefined, fallback: RateRule): RateRule | undefined {
  return value === undefined ? fallback : (value ?? undefined);
}

function subscribeTemplates(e: z.output<typeof schema>): Partial<Record<SubscribeTemplateKey, SubscribeTemplate>> {
  const defaults = parseTemplateKeys(DEFAULT_TEMPLATE_KEYS) as Record<string, SubscribeField>;
  const entries: Array<[SubscribeTemplateKey, string | undefined, Record<string, SubscribeField> | undefined]> = [
    ['status', e.WECHAT_TEMPLATE_STATUS, e.WECHAT_TEMPLATE_STATUS_KEYS],
    ['reply', e.WECHAT_TEMPLATE_REPLY, e.WECHAT_TEMPLATE_REPLY_KEYS],
    ['correction', e.WECHAT_TEMPLATE_CORRECTION, e.WECHAT_TEMPLATE_CORRECTION_KEYS],
  ];
  const templates: Partial<Record<SubscribeTemplateKey, SubscribeTemplate>> = {};
  for (const [key, id, keys] of entries) if (id) templates[key] = { id, keys: keys ?? defaults };
  return templates;
}

/** Creates DATA_DIR if needed and proves it is writable (a probe file), else ConfigError. */
export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
    const probe = join(dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError('DATA_DIR', `${dataDir} is not a writable directory (${code}) (数据目录不可写)`);
  }
}
