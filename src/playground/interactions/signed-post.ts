import { createHmac } from 'node:crypto';

export interface BotAnswer {
  status: number;
  text: string;
  ms: number;
}

/** How long the console waits for the bot's acknowledgement (Slack gives up after 3 s; a busy laptop may be slower). */
const ACK_WAIT_MS = 10_000;

/**
 * Posts a request to the bot's `/slack/events` signed as Slack signs them: `v0=` HMAC-SHA256 of `v0:<ts>:<body>`
 * with the signing secret, and the timestamp in its own header.
 */
export async function postSigned(
  eventsUrl: string,
  secret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
): Promise<BotAnswer> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const response = await fetch(eventsUrl, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    signal: AbortSignal.timeout(ACK_WAIT_MS),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}
