import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Config } from '../config.js';
import { BODY_LIMIT_BYTES, refuseLargeBodies } from './body-limit.js';
import { createBoltLogger } from './bolt-logger.js';
import { createErrorReply } from './error-reply.js';
import { registerListeners } from './listeners/index.js';
import { requireSlackResponseUrl } from './response-url.js';
import type { SlackServices } from './services.js';

export interface SlackAppOptions {
  /** Answers `GET /healthz`: true when the bot can serve (the store is reachable). */
  health: () => Promise<boolean>;
  /** Retries of Slack Web API calls; Slack's client default is ten over half an hour. */
  webApiRetries?: number;
}

const healthRoute = (health: SlackAppOptions['health']) => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    health().then(
      (ok) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok }));
      },
      () => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false }));
      },
    );
  },
});

/** Bolt's HTTP receiver with the body limit applied before anything is read or verified. */
function httpReceiver(config: Config, services: SlackServices, options: SlackAppOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret as string,
    customRoutes: [healthRoute(options.health)],
    logger: createBoltLogger(services.logger),
    bodyLimit: BODY_LIMIT_BYTES,
  });
  receiver.requestListener = refuseLargeBodies(receiver.requestListener, (declared) =>
    services.logger.warn({ declared, limit: BODY_LIMIT_BYTES }, 'refused a request body over the size limit'),
  );
  return receiver;
}

/** The Bolt app: HTTP mode on POST /slack/events by default, Socket Mode when an app token is configured. */
export function createSlackApp(config: Config, services: SlackServices, options: SlackAppOptions): App {
  const common = {
    token: config.slack.botToken,
    logger: createBoltLogger(services.logger),
    convoStore: false as const,
    extendedErrorHandler: true,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      retryConfig: { retries: options.webApiRetries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    },
  };
  const app =
    config.slack.mode === 'socket'
      ? new App({
          ...common,
          socketMode: true,
          appToken: config.slack.appToken as string,
          // The Socket Mode client opens its connection through its own Web API client.
          installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
        })
      : new App({ ...common, receiver: httpReceiver(config, services, options) });
  app.use(requireSlackResponseUrl(config.slack.apiUrl, services.logger));
  registerListeners(app, services);
  app.error(createErrorReply(services.logger));
  return app;
}
