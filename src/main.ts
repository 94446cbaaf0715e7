import { startBot } from './bot.js';
import { ConfigError, loadConfig } from './config.js';
import { PolicyFileError } from './policy-file.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const bot = await startBot(config);
  const shutdown = (signal: string) => {
    bot.container.logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        bot.container.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PolicyFileError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
