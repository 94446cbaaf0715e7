import { request } from 'undici';
import type { SlackMessage } from './blocks/message.js';
import { NO_UNFURL } from './blocks/message.js';

export interface ResponseOptions {
  /** `in_channel` shows the reply to everyone; default is only to the person who asked. */
  visibility?: 'ephemeral' | 'in_channel';
  replaceOriginal?: boolean;
}

/** Removes the message a `response_url` last answered with (e.g. a private note a channel reply supersedes). */
export async function deleteOriginal(url: string): Promise<void> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ delete_original: true }),
  });
  await response.body.dump();
  if (response.statusCode >= 300) throw new Error(`response_url answered HTTP ${response.statusCode}`);
}

/** Posts messages to a `response_url` (which accepts five within 30 minutes), in order. */
export async function postToResponseUrl(
  url: string,
  messages: readonly SlackMessage[],
  options: ResponseOptions = {},
): Promise<void> {
  for (const [index, message] of messages.entries()) {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        response_type: options.visibility ?? 'ephemeral',
        ...(options.replaceOriginal && index === 0 ? { replace_original: true } : { replace_original: false }),
        text: message.text,
        blocks: message.blocks,
        ...NO_UNFURL,
      }),
    });
    await response.body.dump();
    if (response.statusCode >= 300) throw new Error(`response_url answered HTTP ${response.statusCode}`);
  }
}
