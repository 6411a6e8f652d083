// Runs simulators as their own process, so a test can kill and restart the
// server around them:
//   npx tsx tests/simulators/main.ts --wechat-port 7001 --weibo-port 7002 \
//     [--webhook-port 7003 --webhook-secret s3cret] [--host 127.0.0.1] \
//     [--wechat-options '{"tokenTtlSeconds":60}'] [--weibo-options '{...}']
// Only the simulators whose port is given start (port 0 = any free port).
// When ready it prints one JSON line with their URLs, e.g.
//   {"ready":true,"wechat":"http://127.0.0.1:7001","weibo":"http://127.0.0.1:7002"}
// and stops on SIGTERM/SIGINT. Faults and state are then driven over HTTP
// (/__sim/*, see README.md and remote.ts).
import { parseArgs } from 'node:util';
import { startWechatSimulator } from './wechat';
import { startWeiboSimulator } from './weibo';
import { startWebhookReceiver } from './webhook';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      'wechat-port': { type: 'string' },
      'weibo-port': { type: 'string' },
      'webhook-port': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'wechat-options': { type: 'string' },
      'weibo-options': { type: 'string' },
    },
  });
  const host = values.host ? { host: values.host } : {};
  const port = (v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`bad port: ${v}`);
    return n;
  };
  const json = (v: string | undefined) => (v ? (JSON.parse(v) as Record<string, unknown>) : {});

  const closers: Array<() => Promise<void>> = [];
  const urls: Record<string, string> = {};
  if (values['wechat-port'] !== undefined) {
    const sim = await startWechatSimulator({ ...json(values['wechat-options']), ...host, port: port(values['wechat-port']) });
    closers.push(sim.close);
    urls.wechat = sim.url;
  }
  if (values['weibo-port'] !== undefined) {
    const sim = await startWeiboSimulator({ ...json(values['weibo-options']), ...host, port: port(values['weibo-port']) });
    closers.push(sim.close);
    urls.weibo = sim.url;
  }
  if (values['webhook-port'] !== undefined) {
    const secret = values['webhook-secret'];
    if (!secret) throw new Error('--webhook-secret is required with --webhook-port');
    const sim = await startWebhookReceiver({ secret, ...host, port: port(values['webhook-port']) });
    closers.push(sim.close);
    urls.webhook = sim.url;
  }
  if (closers.length === 0) throw new Error('give at least one of --wechat-port, --weibo-port, --webhook-port');

  const stop = async () => {
    await Promise.all(closers.map((c) => c()));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(`${JSON.stringify({ ready: true, ...urls })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
