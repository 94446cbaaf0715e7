import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';

/** Where Slack posts commands, interactivity and events (Bolt's default endpoint). */
export const EVENTS_PATH = '/slack/events';
/** How far a request's timestamp may be from this machine's clock, in seconds (Slack's own advice). */
const MAX_SKEW_SECONDS = 5 * 60;

export interface SignedParts {
  signature: string | string[] | undefined;
  timestamp: string | string[] | undefined;
  body: string;
}

/**
 * Why a request is not from Slack, or undefined when its signature is Slack's: `v0=` and the hex HMAC-SHA256, under
 * the signing secret, of `v0:<timestamp>:<body>`, with a timestamp within five minutes of `nowSeconds`.
 */
export function signatureProblem(secret: string, parts: SignedParts, nowSeconds: number): string | undefined {
  const { signature, timestamp } = parts;
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return 'no signature or timestamp header';
  const seconds = Number(timestamp);
  if (timestamp === '' || !Number.isInteger(seconds)) return 'the timestamp is not a number of seconds';
  if (Math.abs(nowSeconds - seconds) > MAX_SKEW_SECONDS) return 'the timestamp is more than five minutes off';
  if (!signature.startsWith('v0=')) return 'unknown signature version';
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:${parts.body}`).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  // A constant-time comparison, so the time taken tells nothing about how much of a forged signature was right.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  return undefined;
}

/** Bolt's receiver takes a body already read from `rawBody` and then reads nothing more. */
type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

export interface SignedRequestOptions {
  signingSecret: string;
  /** Largest body read; a longer one is answered 413 as soon as it passes the limit. */
  limit: number;
  onRefused: (reason: string) => void;
  now?: () => number;
}

/** Whether Bolt's receiver would treat the request as an event: a POST to its endpoint, routed by path alone. */
const isEventPost = (req: IncomingMessage): boolean =>
  req.method?.toUpperCase() === 'POST' &&
  (req.url === EVENTS_PATH || new URL(req.url ?? '', 'http://localhost').pathname === EVENTS_PATH);

/**
 * Reads the body of every POST to the events endpoint and passes on only those signed by Slack (401 otherwise), for
 * a Bolt receiver whose own check is off: one HMAC and a constant-time comparison per request. `ssl_check` requests
 * are passed on unsigned, as Slack sends them, stripped of anything else they carry.
 */
export function requireSlackSignature(listener: RequestListener, options: SignedRequestOptions): RequestListener {
  const now = options.now ?? Date.now;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!isEventPost(req)) {
      listener(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      refused = true;
      options.onRefused(reason);
      res.writeHead(status, headers);
      res.end();
    };
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > options.limit) {
        req.pause();
        refuse(413, 'the body is over the size limit', { connection: 'close' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      if (!refused && !res.headersSent) refuse(400, 'the body could not be read');
    });
    req.on('end', () => {
      if (refused) return;
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const buffered = req as BufferedRequest;
      if (isSslCheck(req, body)) {
        buffered.rawBody = Buffer.from('ssl_check=1');
        listener(req, res);
        return;
      }
      const problem = signatureProblem(
        options.signingSecret,
        {
          signature: req.headers['x-slack-signature'],
          timestamp: req.headers['x-slack-request-timestamp'],
          body,
        },
        Math.floor(now() / 1000),
      );
      if (problem) {
        refuse(401, problem);
        return;
      }
      buffered.rawBody = raw;
      listener(req, res);
    });
  };
}

/** Slack's unsigned check that the endpoint is reachable over TLS: a form body with `ssl_check=1`. */
function isSslCheck(req: IncomingMessage, body: string): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    body.includes('ssl_check') &&
    parse(body).ssl_check === '1'
  );
}
