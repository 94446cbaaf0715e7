import { escapeText } from '../mrkdwn.js';
import { type SlackMessage, section } from './message.js';

/** A short private note, e.g. why a click changed nothing. */
export const renderNotice = (text: string): SlackMessage => ({ text, blocks: [section(escapeText(text))] });
