import { escapeText } from '../mrkdwn.js';
import { type SlackMessage, section } from './message.js';

/** A plain-text note about a grant as a message; the text is escaped, so nothing in it can ping anyone. */
export function renderGrantNote(text: string): SlackMessage {
  return { text: text.slice(0, 300), blocks: [section(`:hourglass: ${escapeText(text)}`)] };
}
