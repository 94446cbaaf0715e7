// Runs the real bot as a separate process for tests that kill and restart it. Test-only knobs come from
// TEST_* variables; everything else is the bot's own configuration.
import { readFileSync } from 'node:fs';
import { startBot } from '../../src/bot.js';
import { loadConfig, secretValues } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const config = loadConfig();
// A clock the test moves forward by writing an offset in milliseconds to this file.
const clockFile = process.env.TEST_CLOCK_FILE;
const offset = () => (clockFile ? Number(readFileSync(clockFile, 'utf8')) || 0 : 0);
const bot = await startBot(config, {
  logger: createLogger({ level: 'warn', destination: process.stderr, secrets: secretValues(config) }),
  webApiRetries: 0,
  adminRetry: { initialDelayMs: 20, maxDelayMs: 500 },
  ...(process.env.TEST_DB_SCHEMA ? { databaseSchema: process.env.TEST_DB_SCHEMA } : {}),
  ...(process.env.TEST_SWEEP_MS ? { sweepIntervalMs: Number(process.env.TEST_SWEEP_MS) } : {}),
  ...(process.env.TEST_LEASE_MS ? { executionLeaseMs: Number(process.env.TEST_LEASE_MS) } : {}),
  ...(clockFile ? { now: () => new Date(Date.now() + offset()) } : {}),
  ...(process.env.TEST_GRANT_MS ? { grantIntervalMs: Number(process.env.TEST_GRANT_MS) } : {}),
  ...(process.env.TEST_ADMIN_TIMEOUT_MS ? { adminTimeoutMs: Number(process.env.TEST_ADMIN_TIMEOUT_MS) } : {}),
});
process.stdout.write(`PORT=${bot.port}\nREADY ${bot.port}\n`);
process.once('SIGTERM', () => {
  bot.stop(5_000).then(() => process.exit(0));
});
