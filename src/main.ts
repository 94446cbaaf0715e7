import { startBot } from './bot.js';
import { ConfigError, loadConfig } from './config.js';
import { createAppLogger } from './container.js';
import { BotThreadFailed } from './front-door/bot-thread-link.js';
import { startFrontDoor } from './front-door/front-door.js';
import { PolicyFileError } from './policy-file.js';

/** HTTP mode serves through the front door, the bot in a thread of its own; Socket Mode runs the bot here. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createAppLogger(config);
  const running =
    config.slack.mode === 'http'
      ? await startFrontDoor(config, logger, { onBotThreadLost: () => process.exit(1) })
      : await startBot(config, { logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const plain =
    error instanceof ConfigError ||
    error instanceof PolicyFileError ||
    (error instanceof BotThreadFailed && error.plain);
  if (plain) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
