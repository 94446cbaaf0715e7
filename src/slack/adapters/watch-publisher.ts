import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { WatchPublisher } from '../../domain/watch/ports.js';
import { NO_UNFURL } from '../blocks/message.js';
import { renderFolded, renderWatchEvents } from '../blocks/watch-events.js';

/**
 * Posts watched audit events, pacing each channel to one message per `minIntervalMs` (Slack allows about one
 * chat.postMessage per second per channel, with short bursts).
 */
export function createWatchPublisher(client: WebClient, logger: Logger, minIntervalMs = 1_000): WatchPublisher {
  const lastPost = new Map<string, number>();
  const post = async (channel: string, message: { text: string; blocks: unknown[] }) => {
    const wait = (lastPost.get(channel) ?? 0) + minIntervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastPost.set(channel, Date.now());
    await client.chat
      .postMessage({ channel, text: message.text, blocks: message.blocks as never, ...NO_UNFURL })
      .catch((error: unknown) => logger.warn({ err: error, channel }, 'could not post watched audit events'));
  };
  return {
    postEvents: (batch) => post(batch.channelId, renderWatchEvents(batch.events)),
    postFolded: (channelId, folded, byType) => post(channelId, renderFolded(folded, byType)),
  };
}
