import { getGlobalDispatcher } from 'undici';
import { exchange } from '../http/exchange.js';
import type { SlackMessage } from './blocks/message.js';
import { NO_UNFURL } from './blocks/message.js';

export interface ResponseOptions {
  /** `in_channel` shows the reply to everyone; default is only to the person who asked. */
  visibility?: 'ephemeral' | 'in_channel';
  replaceOriginal?: boolean;
}

/** Posts one JSON body to a `response_url`; Slack's answer is read and dropped, a failure status throws. */
async function post(url: string, body: unknown): Promise<void> {
  const target = new URL(url);
  const response = await exchange(
    getGlobalDispatcher(),
    {
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    { keepBody: false },
  );
  if (response.statusCode >= 300) throw new Error(`response_url answered HTTP ${response.statusCode}`);
}

/** Removes the message a `response_url` last answered with (e.g. a private note a channel reply supersedes). */
export async function deleteOriginal(url: string): Promise<void> {
  await post(url, { delete_original: true });
}

/** Posts messages to a `response_url` (which accepts five within 30 minutes), in order. */
export async function postToResponseUrl(
  url: string,
  messages: readonly SlackMessage[],
  options: ResponseOptions = {},
): Promise<void> {
  for (const [index, message] of messages.entries()) {
    await post(url, {
      response_type: options.visibility ?? 'ephemeral',
      ...(options.replaceOriginal && index === 0 ? { replace_original: true } : { replace_original: false }),
      text: message.text,
      blocks: message.blocks,
      ...NO_UNFURL,
    });
  }
}
