import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DestinationStream } from 'pino';
import { type RunningBot, startBot } from '../bot.js';
import { type Config, loadConfig } from '../config.js';
import { loadConsoleBundle } from './console/assets.js';
import { startPlaygroundServer } from './console/server.js';
import { seedDigest } from './digest-seed.js';
import type { BotEndpoint } from './interactions/user-actions.js';
import { UserActions } from './interactions/user-actions.js';
import { type FakeAdminApi, startEmulatedOrganization } from './openai-org/index.js';
import { seedOrganization } from './organization-seed.js';
import { APP_NAME, BOT, CHANNELS, USERS } from './workspace/seed.js';
import { Workspace } from './workspace/workspace.js';
import { keepWorkspaceIn, readWorkspaceFile } from './workspace/workspace-file.js';

/** Credentials of the emulated workspace and organization: fixed, and good for nothing else. */
export const PLAYGROUND_SECRETS = {
  botToken: 'xoxb-playground-0000000000-not-a-real-token',
  signingSecret: 'playground-signing-secret-not-a-real-one',
  adminKey: 'sk-admin-playground-not-a-real-key',
} as const;

export const PLAYGROUND_POLICY = fileURLToPath(new URL('./policy.yml', import.meta.url));

export interface PlaygroundOptions {
  /** The console's port (and the emulated workspace's); 0 picks a free one. */
  port: number;
  /** Where the bot's database, the organization and the workspace are kept. */
  dataDir: string;
  logLevel: Config['logLevel'];
  /** Where the bot's log lines go instead of stdout. */
  logDestination?: DestinationStream;
}

export interface Playground {
  /** The console, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly workspace: Workspace;
  readonly organization: FakeAdminApi;
  readonly bot: RunningBot;
  close(): Promise<void>;
}

/**
 * The whole bot, as `npm start` runs it, against an emulated Slack workspace and an emulated OpenAI organization,
 * with a web console to act in the workspace as any of its people. The console is served first; commands typed
 * before the bot is up wait for it.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  mkdirSync(options.dataDir, { recursive: true });
  const workspaceFile = join(options.dataDir, 'playground-slack.json');
  const workspace = new Workspace(readWorkspaceFile(workspaceFile));
  const kept = keepWorkspaceIn(workspaceFile, workspace);
  let botReady: (endpoint: BotEndpoint) => void = () => undefined;
  const actions = new UserActions(workspace, new Promise<BotEndpoint>((resolve) => (botReady = resolve)));
  const bundle = loadConsoleBundle();
  bundle.catch(() => undefined);
  const server = await startPlaygroundServer(options.port, {
    workspace,
    botToken: PLAYGROUND_SECRETS.botToken,
    actions,
    bundle,
    hello: () => ({
      app: { name: APP_NAME, botUserId: BOT.userId },
      users: USERS,
      channels: CHANNELS,
      messages: workspace.messages.all(),
      views: workspace.views.all(),
    }),
  });
  workspace.baseUrl = server.url;
  let organization: FakeAdminApi | undefined;
  try {
    organization = await startEmulatedOrganization({ adminKey: PLAYGROUND_SECRETS.adminKey });
    seedOrganization(organization.state);
    const config = loadConfig({
      SLACK_BOT_TOKEN: PLAYGROUND_SECRETS.botToken,
      SLACK_SIGNING_SECRET: PLAYGROUND_SECRETS.signingSecret,
      OPENAI_ADMIN_KEY: PLAYGROUND_SECRETS.adminKey,
      OPENAI_BASE_URL: organization.url,
      SLACK_API_URL: `${server.url}/api/`,
      DATABASE_URL: `sqlite:${join(options.dataDir, 'playground-bot.db')}`,
      POLICY_FILE: PLAYGROUND_POLICY,
      PORT: '0',
      LOG_LEVEL: options.logLevel,
    });
    const bot = await startBot(config, options.logDestination ? { logDestination: options.logDestination } : {});
    botReady({
      eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
      signingSecret: PLAYGROUND_SECRETS.signingSecret,
    });
    await seedDigest(bot.container);
    const org = organization;
    return {
      url: server.url,
      workspace,
      organization: org,
      bot,
      async close() {
        await bot.stop(2_000);
        await org.close();
        await server.close();
        kept.flush();
      },
    };
  } catch (error) {
    await organization?.close();
    await server.close();
    throw error;
  }
}
