import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { healthRoute, metricsRoute, type OpsRoute } from '../http/ops-routes.js';
import type { Metrics } from '../metrics/metrics.js';
import { AckTimingReceiver } from './ack-timing-receiver.js';
import { BODY_LIMIT_BYTES, refuseLargeBodies } from './body-limit.js';
import { createBoltLogger } from './bolt-logger.js';
import { createErrorReply } from './error-reply.js';
import { registerListeners } from './listeners/index.js';
import { withOneClient } from './one-client.js';
import { requireSlackResponseUrl } from './response-url.js';
import type { SlackServices } from './services.js';
import { requireSlackSignature } from './signed-requests.js';
import { WorkingNotes } from './working-notes.js';

export interface SlackAppOptions {
  logger: Logger;
  metrics: Metrics;
  /** True when the bot can serve (the store is reachable); the Slack connection is added in Socket Mode. */
  health: () => Promise<boolean>;
  /** Retries of Slack Web API calls; Slack's client default is ten over half an hour. */
  webApiRetries?: number;
}

export interface SlackApp {
  readonly app: App;
  /**
   * `GET /healthz` and `GET /metrics`. HTTP mode serves them beside `POST /slack/events`; in Socket Mode Bolt
   * serves no HTTP, so the caller serves them on `PORT` itself.
   */
  readonly opsRoutes: readonly OpsRoute[];
}

const socketReceiver = (config: Config, logger: SlackAppOptions['logger']) =>
  new SocketModeReceiver({
    appToken: config.slack.appToken as string,
    logger: createBoltLogger(logger),
    // The Socket Mode client opens its connection through its own Web API client.
    installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
  });

/**
 * Bolt's HTTP receiver behind the body limit (applied before anything is read) and the signature check (one HMAC per
 * request, done here instead of by Bolt, whose check costs three).
 */
function httpReceiver(config: Config, logger: Logger, customRoutes: OpsRoute[]): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret as string,
    signatureVerification: false,
    logger: createBoltLogger(logger),
    customRoutes,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  const signed = requireSlackSignature(receiver.requestListener, {
    signingSecret: config.slack.signingSecret as string,
    limit: BODY_LIMIT_BYTES,
    onRefused: (reason) => logger.warn({ reason }, 'refused a request that is not a signed request from Slack'),
  });
  receiver.requestListener = refuseLargeBodies(signed, (declared) =>
    logger.warn({ declared, limit: BODY_LIMIT_BYTES }, 'refused a request body over the size limit'),
  );
  return receiver;
}

/**
 * The Bolt app without listeners (see `attachServices`): HTTP mode on POST /slack/events by default, Socket Mode
 * when an app token is configured. Its one Web API client, `app.client`, is the one the whole bot uses.
 */
export function createSlackApp(config: Config, options: SlackAppOptions): SlackApp {
  let receiver: Receiver;
  let opsRoutes: OpsRoute[];
  if (config.slack.mode === 'socket') {
    const socket = socketReceiver(config, options.logger);
    const connected = () => socket.client.websocket?.isActive() === true;
    const health = async () => connected() && (await options.health());
    opsRoutes = [healthRoute(health), metricsRoute(options.metrics.registry)];
    receiver = socket;
  } else {
    opsRoutes = [healthRoute(options.health), metricsRoute(options.metrics.registry)];
    receiver = httpReceiver(config, options.logger, opsRoutes);
  }
  const app = new App({
    token: config.slack.botToken,
    logger: createBoltLogger(options.logger),
    convoStore: false,
    extendedErrorHandler: true,
    receiver: new AckTimingReceiver(receiver, (kind, seconds) => options.metrics.ackSeconds.observe({ kind }, seconds)),
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: { retries: options.webApiRetries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    },
  });
  app.use(requireSlackResponseUrl(config.slack.apiUrl, options.logger));
  return { app, opsRoutes: config.slack.mode === 'socket' ? opsRoutes : [] };
}

/** Registers every listener (each given `app.client`) and the one error edge that turns failures into replies. */
export function attachServices(
  app: App,
  services: Omit<SlackServices, 'workingNotes' | 'replyError'>,
  workingNoteAfterMs?: number,
): void {
  const workingNotes = new WorkingNotes(workingNoteAfterMs);
  const errorReply = createErrorReply(services.logger, workingNotes);
  const replyError = (error: unknown, body: unknown) => errorReply({ error: asError(error), body });
  registerListeners(withOneClient(app, app.client), { ...services, workingNotes, replyError });
  app.error(errorReply);
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : Object.assign(new Error(String(error)), { original: error });
