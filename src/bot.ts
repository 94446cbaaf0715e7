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
  /**
   * Stops taking new work (requests, approval sweeps, digest ticks), waits for work in flight (up to `graceMs`),
   * then closes pools and the store.
   */
  stop(graceMs?: number): Promise<void>;
}

export type StartOptions = ContainerOverrides;

/** Waits for `work` to settle, but no later than `deadline` (ms since the epoch). */
async function settledBy(work: Promise<unknown>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    timer.unref();
  });
  try {
    await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

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
  container.logger.info({ mode: config.slack.mode, port }, 'bot started');
  let stopping: Promise<void> | undefined;
  return {
    app,
    container,
    port,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        const deadline = Date.now() + graceMs;
        // Every source of new work stops first: stop() clears the sweeper's and scheduler's timers at once.
        const listeners = app.stop();
        const schedulers = Promise.all([container.sweeper.stop(), container.digests.stop()]);
        await listeners;
        await Promise.all([
          container.inFlight.drain(Math.max(0, deadline - Date.now())),
          settledBy(schedulers, deadline),
        ]);
        await container.close();
        container.logger.info('bot stopped');
      })();
      return stopping;
    },
  };
}
