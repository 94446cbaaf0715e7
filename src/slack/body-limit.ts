import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Largest request body read on POST /slack/events. A slash command's text is at most 40,000 characters (Slack's
 * message limit); form-encoded at worst nine bytes a character that is 360 kB, with the other fields a little more.
 * Interactivity payloads carry the bot's own views and messages, which are far smaller.
 */
export const BODY_LIMIT_BYTES = 512 * 1024;

/**
 * Answers 413 to a POST announcing a body over `limit` before reading any of it (so before its signature can be
 * checked), and closes the connection so the rest is never read. Bodies sent without a length are cut off by the
 * receiver's own limit as they arrive.
 */
export function refuseLargeBodies(
  listener: RequestListener,
  onRefused: (declared: number) => void,
  limit = BODY_LIMIT_BYTES,
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (req.method === 'POST' && declared > limit) {
      onRefused(declared);
      res.writeHead(413, { connection: 'close', 'content-type': 'text/plain' });
      res.end('Request body too large');
      return;
    }
    listener(req, res);
  };
}
