import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { BODY_LIMIT_BYTES, refuseLargeBodies } from '../slack/body-limit.js';
import { requireSlackSignature } from '../slack/signed-requests.js';
import { type BotThread, startBotThread } from './bot-thread-link.js';
import { acknowledgeCommand } from './command-door.js';
import { BotThreadForwarder } from './forward.js';
import type { BotThreadOptions } from './messages.js';

/** Slack gives up on an acknowledgement after 3 s; a forwarded request waits a little longer before it is failed. */
const EVENT_DEADLINE_MS = 3_500;
/** Health must answer within a load balancer's patience even when the bot thread is stalled. */
const OPS_DEADLINE_MS = 2_000;

export interface FrontDoorOptions {
  /** Told when the bot thread ended without being asked; the process cannot serve without it. */
  onBotThreadLost: (code: number) => void;
  /** The bot's start options, where not the defaults. */
  bot?: BotThreadOptions;
}

export interface FrontDoor {
  readonly port: number;
  /** Stops taking requests, lets those on their way finish, then stops the bot (up to `graceMs` in all). */
  stop(graceMs?: number): Promise<void>;
}

/** A request as the signature check leaves it, with when it arrived. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer; arrivedAt?: number };

/**
 * HTTP mode's server: the bot runs in a worker thread (bot-thread.ts) and this thread only reads requests, checks
 * Slack's signature, acknowledges slash commands at once and passes everything on. Acknowledgements therefore never
 * wait behind answers, however many are being worked on: the operating system shares the CPU between the two
 * threads, and this one needs little.
 */
export async function startFrontDoor(config: Config, logger: Logger, options: FrontDoorOptions): Promise<FrontDoor> {
  const lost = (code: number, error: Error | undefined) => {
    logger.fatal({ code, err: error }, 'the bot thread ended unexpectedly');
    options.onBotThreadLost(code);
  };
  const thread: BotThread = await startBotThread(config, lost, options.bot);
  const forwarder = new BotThreadForwarder(thread.port);

  const pass = (req: IncomingMessage, res: ServerResponse, body: Buffer | undefined) => {
    const ops = body === undefined;
    forwarder.forward(req, body, ops ? OPS_DEADLINE_MS : EVENT_DEADLINE_MS).then(
      (answer) => {
        const type = answer.headers['content-type'];
        res.writeHead(answer.statusCode, typeof type === 'string' ? { 'content-type': type } : {});
        res.end(answer.body);
      },
      (error: unknown) => {
        logger.warn({ err: error, path: req.url }, 'the bot thread did not answer a request');
        res.writeHead(ops && req.url?.startsWith('/healthz') ? 503 : 502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false }));
      },
    );
  };
  const route = (req: BufferedRequest, res: ServerResponse) => {
    const body = req.rawBody;
    if (body === undefined) pass(req, res, undefined);
    else if (!acknowledgeCommand(thread, req, res, body, req.arrivedAt ?? performance.now())) pass(req, res, body);
  };
  const signed = requireSlackSignature(route, {
    signingSecret: config.slack.signingSecret as string,
    limit: BODY_LIMIT_BYTES,
    onRefused: (reason) => logger.warn({ reason }, 'refused a request that is not a signed request from Slack'),
  });
  const limited = refuseLargeBodies(signed, (declared) =>
    logger.warn({ declared, limit: BODY_LIMIT_BYTES }, 'refused a request body over the size limit'),
  );
  const server: Server = createServer((req: BufferedRequest, res) => {
    req.arrivedAt = performance.now();
    limited(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await thread.stop(0);
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ mode: config.slack.mode, port, dryRun: config.dryRun }, 'bot started');

  let stopping: Promise<void> | undefined;
  return {
    port,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        const deadline = Date.now() + graceMs;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.race([closed, sleep(Math.max(0, deadline - Date.now()))]);
        server.closeAllConnections();
        await thread.stop(Math.max(0, deadline - Date.now()));
        await forwarder.close();
      })();
      return stopping;
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
