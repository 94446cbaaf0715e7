import { BUSY_MESSAGE } from '../../in-flight.js';
import { clip, localTimes } from '../mrkdwn.js';
import { LIMITS } from './limits.js';
import { message, type SlackMessage, section } from './message.js';

/** A short private note, e.g. why a click changed nothing. */
export const renderNotice = (text: string): SlackMessage =>
  message(text, [section(localTimes(clip(text, LIMITS.sectionChars)))]);

/** The answer to a command the bot is too busy to take; rendered once, as a flood answers many with it. */
export const BUSY_NOTICE: SlackMessage = renderNotice(BUSY_MESSAGE);
