import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { RunningBot } from '../bot.js';
import type { Config } from '../config.js';
import { loadConsoleBundle } from './console/assets.js';
import { startPlaygroundServer } from './console/server.js';
import { type BotEndpoint, UserActions } from './interactions/user-actions.js';
import type { FakeAdminApi } from './openai-org/index.js';
import { APP_NAME, BOT, CHANNELS, USERS } from './workspace/seed.js';
import { Workspace } from './workspace/workspace.js';
import { keepWorkspaceIn, readWorkspaceFile } from './workspace/workspace-file.js';

export interface PlaygroundOptions {
  /** The console's port (and the emulated workspace's); 0 picks a free one. */
  port: number;
  /** Where the bot's database, the organization and the workspace are kept. */
  dataDir: string;
  logLevel: Config['logLevel'];
  /** Where the bot's log lines go instead of stdout. */
  logDestination?: DestinationStream;
  /**
   * How long a trigger id stays valid; Slack's 3 s by default. Browser tests on a loaded machine give it longer,
   * since a modal that misses the deadline there says nothing about the console.
   */
  triggerMs?: number;
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
 * with a web console to act in the workspace as any of its people. The server listens before the bot's modules are
 * loaded, so its address (the bot's Web API, PORT 0 included) is known; anything typed before the bot is up waits.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  mkdirSync(options.dataDir, { recursive: true });
  const workspaceFile = join(options.dataDir, 'playground-slack.json');
  const workspace = new Workspace(readWorkspaceFile(workspaceFile), options.triggerMs);
  const kept = keepWorkspaceIn(workspaceFile, workspace);
  let botReady: (endpoint: BotEndpoint) => void = () => undefined;
  const actions = new UserActions(workspace, new Promise<BotEndpoint>((resolve) => (botReady = resolve)));
  const bundle = loadConsoleBundle();
  bundle.catch(() => undefined);
  const server = await startPlaygroundServer(options.port, {
    workspace,
    botToken: 'unset',
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
  try {
    const { startBackend, PLAYGROUND_SECRETS } = await import('./backend.js');
    server.acceptToken(PLAYGROUND_SECRETS.botToken);
    const backend = await startBackend({
      slackApiUrl: `${server.url}/api/`,
      dataDir: options.dataDir,
      logLevel: options.logLevel,
      logDestination: options.logDestination,
    });
    botReady({ eventsUrl: backend.eventsUrl, signingSecret: PLAYGROUND_SECRETS.signingSecret });
    return {
      url: server.url,
      workspace,
      organization: backend.organization,
      bot: backend.bot,
      async close() {
        await backend.bot.stop(2_000);
        await backend.organization.close();
        await server.close();
        kept.flush();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
