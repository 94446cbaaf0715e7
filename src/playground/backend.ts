import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DestinationStream } from 'pino';
import { type RunningBot, startBot } from '../bot.js';
import { type Config, loadConfig } from '../config.js';
import { seedDigest } from './digest-seed.js';
import { type FakeAdminApi, startEmulatedOrganization } from './openai-org/index.js';

/** Credentials of the emulated workspace and organization: fixed, and good for nothing else. */
export const PLAYGROUND_SECRETS = {
  botToken: 'xoxb-playground-0000000000-not-a-real-token',
  signingSecret: 'playground-signing-secret-not-a-real-one',
  adminKey: 'sk-admin-playground-not-a-real-key',
} as const;

export const PLAYGROUND_POLICY = fileURLToPath(new URL('./policy.yml', import.meta.url));

export interface BackendOptions {
  /** The emulated workspace's Web API, e.g. `http://127.0.0.1:3000/api/`. */
  slackApiUrl: string;
  dataDir: string;
  logLevel: Config['logLevel'];
  logDestination?: DestinationStream | undefined;
}

export interface Backend {
  organization: FakeAdminApi;
  bot: RunningBot;
  eventsUrl: string;
}

/**
 * The emulated OpenAI organization, kept in the data folder, and the real bot started through its composition root
 * against it and the emulated workspace, with the playground's policy and its own SQLite database.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  // A new file starts as the seeded playground organization; a kept one carries on where it stopped.
  const organization = await startEmulatedOrganization({
    adminKey: PLAYGROUND_SECRETS.adminKey,
    persistFile: join(options.dataDir, 'playground.db'),
  });
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: PLAYGROUND_SECRETS.botToken,
      SLACK_SIGNING_SECRET: PLAYGROUND_SECRETS.signingSecret,
      OPENAI_ADMIN_KEY: PLAYGROUND_SECRETS.adminKey,
      OPENAI_BASE_URL: organization.url,
      SLACK_API_URL: options.slackApiUrl,
      DATABASE_URL: `sqlite:${join(options.dataDir, 'playground-bot.db')}`,
      POLICY_FILE: PLAYGROUND_POLICY,
      PORT: '0',
      LOG_LEVEL: options.logLevel,
    });
    const bot = await startBot(config, options.logDestination ? { logDestination: options.logDestination } : {});
    await seedDigest(bot.container);
    return { organization, bot, eventsUrl: `http://127.0.0.1:${bot.port}/slack/events` };
  } catch (error) {
    await organization.close();
    throw error;
  }
}
