import { escapeText } from '../mrkdwn.js';
import { message, type SlackMessage, section } from './message.js';

/** A plain-text note about a grant as a message; the text is escaped, so nothing in it can ping anyone. */
export function renderGrantNote(text: string): SlackMessage {
  return message(text.slice(0, 300), [section(`:hourglass: ${escapeText(text)}`)]);
}
