import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, prepareDataDir } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/zwgk');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('gives development defaults with warnings about the insecure secrets', () => {
    const c = loadConfig({}, '/srv/zwgk');
    expect(c).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/zwgk/data',
      mongodbUri: undefined,
      embeddedDbPort: undefined,
      logLevel: 'info',
      demoMode: false,
      publicBaseUrl: 'http://localhost:3000',
      wechatApiBase: 'https://api.weixin.qq.com',
      weiboApiBase: 'https://api.weibo.com',
      redisUrl: undefined,
    });
    expect(c.piiKey).toHaveLength(32);
    expect(c.jwtSecret.length).toBeGreaterThanOrEqual(16);
    expect(c.warnings).toEqual([expect.stringContaining('PII_KEY'), expect.stringContaining('JWT_SECRET')]);
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/zwgk',
        MONGODB_URI: 'mongodb://db:27017/zwgk',
        EMBEDDED_DB_PORT: '27018',
        LOG_LEVEL: 'warn',
        JWT_SECRET: 'a-long-enough-secret',
        PII_KEY: KEY,
        DEMO_MODE: '0',
        PUBLIC_BASE_URL: 'https://zwgk.example.cn/',
        WECHAT_API_BASE: 'http://127.0.0.1:9000',
        WECHAT_APPID: 'wx123',
        WECHAT_SECRET: 's',
        WEIBO_API_BASE: 'http://127.0.0.1:9001',
        REDIS_URL: 'redis://127.0.0.1:6379',
      },
      '/',
    );
    expect(c).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/zwgk',
      mongodbUri: 'mongodb://db:27017/zwgk',
      embeddedDbPort: 27018,
      logLevel: 'warn',
      jwtSecret: 'a-long-enough-secret',
      demoMode: false,
      publicBaseUrl: 'https://zwgk.example.cn',
      wechatApiBase: 'http://127.0.0.1:9000',
      wechatAppId: 'wx123',
      wechatSecret: 's',
      weiboApiBase: 'http://127.0.0.1:9001',
      redisUrl: 'redis://127.0.0.1:6379',
      warnings: [],
    });
    expect(c.piiKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO_MODE: 'maybe' }, 'DEMO_MODE'],
    [{ PII_KEY: 'c2hvcnQ=' }, 'PII_KEY'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ NODE_ENV: 'production', PII_KEY: KEY }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-secret' }, 'PII_KEY'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-secret', PII_KEY: KEY, DEMO_MODE: '1' }, 'DEMO_MODE'],
  ])('%j is rejected naming %s on one line', (env, variable) => {
    const err = fail(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(new RegExp(`^配置错误 Configuration error: ${variable}: `));
    expect(err.message).not.toContain('\n');
  });

  it('names every bad variable in the one line', () => {
    const err = fail({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(err.message).toMatch(/PORT: .*; LOG_LEVEL: /);
  });

  it('reads the rate limits, with documented defaults and off', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      signin: { limit: 30, windowMs: 60_000 },
      filing: { limit: 30, windowMs: 3600_000 },
      lookupIp: { limit: 30, windowMs: 60_000 },
      lookupNumber: { limit: 20, windowMs: 600_000 },
    });
    const c = loadConfig({ RATE_LIMIT_LOOKUP_IP: '5/30', RATE_LIMIT_LOOKUP_NUMBER: 'OFF', RATE_LIMIT_FILING: ' 2/86400 ' });
    expect(c.rateLimits).toMatchObject({ lookupIp: { limit: 5, windowMs: 30_000 }, lookupNumber: undefined, filing: { limit: 2, windowMs: 86_400_000 } });
    expect(fail({ RATE_LIMIT_LOOKUP_NUMBER: '20 per minute' }).variable).toBe('RATE_LIMIT_LOOKUP_NUMBER');
    expect(fail({ RATE_LIMIT_LOOKUP_IP: '0/60' }).variable).toBe('RATE_LIMIT_LOOKUP_IP');
  });

  it('treats empty optional variables as unset and parses booleans', () => {
    const c = loadConfig({ MONGODB_URI: '', REDIS_URL: ' ', DEMO_MODE: 'yes', NODE_ENV: 'test' });
    expect(c).toMatchObject({ mongodbUri: undefined, redisUrl: undefined, demoMode: true, logLevel: 'warn' });
  });
});

describe('prepareDataDir', () => {
  it('creates the directory and accepts it when writable', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zwgk-cfg-')), 'nested', 'data');
    expect(() => prepareDataDir(dir)).not.toThrow();
  });

  it('rejects a path that cannot be a directory, naming DATA_DIR', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zwgk-cfg-')), 'a-file');
    writeFileSync(file, 'x');
    expect(() => prepareDataDir(join(file, 'data'))).toThrow(/^配置错误 Configuration error: DATA_DIR: .*not a writable directory/);
  });
});
