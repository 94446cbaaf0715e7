import { ConfigError, loadConfig, secretValues } from './config.js';
import { BotThreadFailed } from './front-door/bot-thread-link.js';
import { startFrontDoor } from './front-door/front-door.js';
import { createLogger } from './logger.js';

/**
 * HTTP mode serves through the front door, with the bot in a thread of its own; Socket Mode runs the bot on this
 * thread. The bot's modules are loaded only where it runs, so the front door's thread stays small.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, secrets: secretValues(config) });
  const running =
    config.slack.mode === 'http'
      ? await startFrontDoor(config, logger, { onBotThreadLost: () => process.exit(1) })
      : await (await import('./bot.js')).startBot(config, { logger });
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

/** Problems whose message says it all: the configuration, the policy file, or either as the bot thread met it. */
const explainsItself = (error: unknown): error is Error =>
  error instanceof ConfigError ||
  (error instanceof Error && error.name === 'PolicyFileError') ||
  (error instanceof BotThreadFailed && error.plain);

main().catch((error: unknown) => {
  if (explainsItself(error)) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`The bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
