// The bot as production runs it in HTTP mode (front door and bot thread), for benchmarks that load it from outside.
import { loadConfig, secretValues } from '../src/config.js';
import { startFrontDoor } from '../src/front-door/front-door.js';
import { createLogger } from '../src/logger.js';

const config = loadConfig();
const door = await startFrontDoor(config, createLogger({ level: config.logLevel, secrets: secretValues(config) }), {
  onBotThreadLost: () => process.exit(1),
});
process.stdout.write(`PORT=${door.port}\nREADY\n`);
process.once('SIGTERM', () => {
  door.stop(5_000).then(() => process.exit(0));
});
