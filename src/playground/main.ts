import { ConfigError, loadPlaygroundSettings } from '../config.js';
import { startPlayground } from './playground.js';

/** `npm run playground`: the bot, an emulated Slack workspace and OpenAI organization, and the console. */
async function main(): Promise<void> {
  const settings = loadPlaygroundSettings();
  const playground = await startPlayground({ port: settings.port, dataDir: './data', logLevel: settings.logLevel });
  process.stdout.write(`\nPlayground console: ${playground.url}/\n(Ctrl+C stops it; ./data keeps what happened)\n\n`);
  const stop = () => {
    playground.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const inUse = (error: unknown) => (error as { code?: unknown } | undefined)?.code === 'EADDRINUSE';

main().catch((error: unknown) => {
  const text =
    error instanceof ConfigError
      ? error.message
      : inUse(error)
        ? 'The playground could not start: its port is in use. Set PORT to another one (PORT=0 picks a free port).'
        : `The playground could not start: ${String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
