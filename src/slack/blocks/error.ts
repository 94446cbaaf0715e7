import type { ErrorText } from '../../error-text.js';
import { code, escapeText } from '../mrkdwn.js';
import { context, type SlackMessage, section } from './message.js';

/** An error reply: what went wrong, the usage line for bad input, OpenAI's request id when there is one. */
export function renderError(error: ErrorText): SlackMessage {
  const blocks = [section(`:warning: ${escapeText(error.message)}`)];
  if (error.usage) blocks.push(section(`Usage: ${code(error.usage)}`));
  if (error.requestId) blocks.push(context(`OpenAI request id ${code(error.requestId)}`));
  return { text: error.message, blocks };
}
