import type { AddressInfo, Server } from 'node:net';
import type { App } from '@slack/bolt';
import type { Config } from './config.js';
import { buildContainer, type Container, type ContainerOverrides } from './container.js';
import { createSlackApp } from './slack/app.js';

export interface RunningBot {
  readonly app: App;
  readonly container: Container;
  /** The HTTP port in HTTP mode (useful with PORT=0); undefined in Socket Mode. */
  readonly port: number | undefined;
  /** Stops taking requests, waits for work in flight (up to `graceMs`), then closes pools and the store. */
  stop(graceMs?: number): Promise<void>;
}

export type StartOptions = ContainerOverrides;

/** Builds the container and the Slack app and starts serving. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const container = await buildContainer(config, options);
  const app = createSlackApp(config, container, {
    health: container.health,
    ...(options.webApiRetries === undefined ? {} : { webApiRetries: options.webApiRetries }),
  });
  const started = (await app.start(config.port)) as unknown;
  const port = config.slack.mode === 'http' ? ((started as Server).address() as AddressInfo | null)?.port : undefined;
  container.sweeper.start();
  container.digests.start();
  container.grantExpirer.start();
  container.watch.start();
  container.logger.info({ mode: config.slack.mode, port }, 'bot started');
  let stopping: Promise<void> | undefined;
  return {
    app,
    container,
    port,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        await app.stop();
        await container.inFlight.drain(graceMs);
        await container.close();
        container.logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}
