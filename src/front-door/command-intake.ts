import { parse } from 'node:querystring';
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackMessage } from '../slack/blocks/message.js';
import { postToResponseUrl } from '../slack/respond.js';
import { isSlackResponseUrl } from '../slack/response-url.js';

export interface CommandIntakeParts {
  app: App;
  /** The configured Web API URL, whose host may carry response URLs besides Slack's own. */
  apiUrl: string;
  logger: Logger;
  /** Told how long the front door took to acknowledge each command. */
  observeAck: (seconds: number) => void;
}

/** What a listener passed to `ack`, as a message for the command's response URL. */
const asMessage = (said: unknown): SlackMessage =>
  (typeof said === 'string' ? { text: said, blocks: [] } : said) as SlackMessage;

/**
 * Bot thread: runs a slash command the front door already acknowledged through Bolt, as its HTTP receiver would
 * (the same body parsing, global middleware and listener). Its `ack` sends nothing; should the listener still have
 * something to say in it (the queue filled up after the front door looked), that goes to the command's response URL.
 * Settles once the listener has run, by when the command's work is queued or answered.
 */
export function commandIntake(parts: CommandIntakeParts): (formBody: string, ackSeconds: number) => Promise<void> {
  return (formBody, ackSeconds) => {
    parts.observeAck(ackSeconds);
    const body = parse(formBody);
    let acknowledged = false;
    const ack = async (said?: unknown) => {
      if (acknowledged) return;
      acknowledged = true;
      const url = body.response_url;
      if (said === undefined || said === '' || typeof url !== 'string' || !isSlackResponseUrl(url, parts.apiUrl))
        return;
      await postToResponseUrl(url, [asMessage(said)]);
    };
    return parts.app.processEvent({ body, ack }).catch((error: unknown) => {
      parts.logger.error({ err: error }, 'a handed-over command failed outside its listener');
    });
  };
}
