// CLI entry: `tsx server/src/main.ts`. Exits non-zero with ONE line on stderr when the
// configuration is bad; SIGTERM/SIGINT → graceful shutdown (a second signal forces exit).
import { ConfigError, loadConfig } from './config';
import { startServer, type RunningServer } from './server';

async function main(): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer(loadConfig(process.env));
  } catch (err) {
    const line = err instanceof ConfigError ? err.message : `启动失败 Start-up failed: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(line.replace(/\s*\n\s*/g, ' ') + '\n');
    process.exit(1);
  }

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      server.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    server.logger.info({ signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

void main();
