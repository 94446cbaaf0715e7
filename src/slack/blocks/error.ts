import type { ErrorText } from '../../error-text.js';
import { clip, code } from '../mrkdwn.js';
import { context, message, type SlackMessage, section } from './message.js';

/** Longest error text shown: whatever a message repeats, the reply stays short. */
const ERROR_CHARS = 1_000;

/** An error reply: what went wrong, the usage line for bad input, OpenAI's request id when there is one. */
export function renderError(error: ErrorText): SlackMessage {
  const blocks = [section(`:warning: ${clip(error.message, ERROR_CHARS)}`)];
  if (error.usage) blocks.push(section(`Usage: ${code(error.usage, ERROR_CHARS)}`));
  if (error.requestId) blocks.push(context(`OpenAI request id ${code(error.requestId, 200)}`));
  return message(error.message.slice(0, ERROR_CHARS), blocks);
}
