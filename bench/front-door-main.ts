// The bot as production runs it in HTTP mode (front door and bot thread), for benchmarks that load it from outside.
import { loadConfig } from '../src/config.js';
import { createAppLogger } from '../src/container.js';
import { startFrontDoor } from '../src/front-door/front-door.js';

const config = loadConfig();
const door = await startFrontDoor(config, createAppLogger(config), { onBotThreadLost: () => process.exit(1) });
process.stdout.write(`PORT=${door.port}\nREADY\n`);
process.once('SIGTERM', () => {
  door.stop(5_000).then(() => process.exit(0));
});
