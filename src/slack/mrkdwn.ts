import { escapeMrkdwn } from '../domain/command-text.js';

/** Escapes the three characters Slack treats as control characters, so echoed text can never ping or link. */
export const escapeText = escapeMrkdwn;

/** Inline code for ids; backticks inside are replaced so the span cannot be broken out of. */
export const code = (text: string): string => `\`${escapeText(text).replace(/`/g, "'")}\``;

export const bold = (text: string): string => `*${escapeText(text).replace(/\*/g, '∗')}*`;

/** Cuts text to `max` characters, marking the cut. */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
