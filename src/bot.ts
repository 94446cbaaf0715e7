import type { AddressInfo, Server } from 'node:net';
import type { App } from '@slack/bolt';
import type { Config } from './config.js';
import { buildContainer, type Container, type ContainerOverrides, createAppLogger } from './container.js';
import { type OpsServer, startOpsServer } from './http/ops-server.js';
import { createMetrics } from './metrics/metrics.js';
import { attachServices, createSlackApp } from './slack/app.js';

export interface RunningBot {
  readonly app: App;
  readonly container: Container;
  /** The HTTP port (useful with PORT=0): Slack's endpoint in HTTP mode, `/healthz` and `/metrics` in both modes. */
  readonly port: number | undefined;
  /**
   * Stops taking new work (requests, approval sweeps, digest ticks), waits for work in flight (up to `graceMs`),
   * then closes pools and the store.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions extends ContainerOverrides {
  /** How long a slow command may take before "Working on it…" appears (default in working-notes.ts). */
  workingNoteAfterMs?: number;
  /** Where HTTP mode listens instead of `PORT` on every interface: the front door puts the bot on loopback. */
  listen?: { host: string; port: number };
}

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

/** Builds the Slack app and the container around Bolt's Web API client, and starts serving. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createAppLogger(config, options.logDestination);
  const metrics = options.metrics ?? createMetrics();
  const slack = createSlackApp(config, {
    logger,
    metrics,
    // The container is built from this app's client, so health reaches it lazily; nothing is served before it exists,
    // and a call that came earlier would reject, which reads as unhealthy.
    health: async () => container.health(),
    ...(options.webApiRetries === undefined ? {} : { webApiRetries: options.webApiRetries }),
  });
  const { app } = slack;
  const container = await buildContainer(config, { ...options, logger, metrics, slack: app.client });
  attachServices(app, container, options.workingNoteAfterMs);
  // In Socket Mode health and metrics are served before the connection opens, so health can report it.
  const ops: OpsServer | undefined =
    config.slack.mode === 'socket' ? await startOpsServer(slack.opsRoutes, config.port) : undefined;
  const started = (await app.start(options.listen ?? config.port).catch(async (error: unknown) => {
    await ops?.close();
    throw error;
  })) as unknown;
  const port = ops ? ops.port : ((started as Server).address() as AddressInfo | null)?.port;
  container.sweeper.start();
  container.digests.start();
  container.grantExpirer.start();
  container.watch.start();
  if (options.listen) container.logger.info({ loopbackPort: port }, 'bot thread listening');
  else container.logger.info({ mode: config.slack.mode, port, dryRun: config.dryRun }, 'bot started');
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
        container.homes.stop();
        const schedulers = Promise.all([container.sweeper.stop(), container.digests.stop()]);
        await listeners;
        await ops?.close();
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
