import { escapeMrkdwn } from '../domain/command-text.js';
import { withoutBidi } from '../domain/display-text.js';

/**
 * The one rule for text from outside (names, reasons, error text) placed into mrkdwn or a message's fallback `text`:
 * bidi controls removed, then the three characters Slack treats as markup escaped, so nothing can mention or link.
 */
export const escapeText = (text: string): string => escapeMrkdwn(withoutBidi(text));

/** How far back from a cut an unfinished `&…;` entity or `<…>` token can start. */
const ENTITY_CHARS = 5;

/** Where to cut `text` at most at `end` so no entity, `<…>` token or surrogate pair is split. */
function safeCut(text: string, end: number): number {
  let cut = end;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - ENTITY_CHARS && text.indexOf(';', amp) >= cut) cut = amp;
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  return cut;
}

/**
 * Cuts mrkdwn (already escaped) to at most `max` characters, marking the cut with an ellipsis, never splitting an
 * `&amp;`-style entity, a `<…>` token the bot wrote, or a surrogate pair.
 */
export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, safeCut(text, max - 1))}…`;

/** Outside text as mrkdwn of at most `max` characters: escaped first, then cut. */
export const clip = (text: string, max: number): string => truncate(escapeText(text), max);

/** Outside text for a `plain_text` object (shown as typed, so not escaped) of at most `max` characters. */
export const plainText = (text: string, max: number): string => {
  const clean = withoutBidi(text);
  if (clean.length <= max) return clean;
  const cut = clean.charCodeAt(max - 2) >= 0xd800 && clean.charCodeAt(max - 2) <= 0xdbff ? max - 2 : max - 1;
  return `${clean.slice(0, cut)}…`;
};

/** Inline code for ids; backticks inside are replaced so the span cannot be broken out of. */
export const code = (text: string, max = 3_000): string => `\`${clip(text.replace(/`/g, "'"), max)}\``;

export const bold = (text: string, max = 3_000): string => `*${clip(text.replace(/\*/g, '∗'), max)}*`;

const UTC_MINUTE = /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) UTC\b/g;

/**
 * Times the domain writes as `2026-03-01 09:00 UTC` become Slack date tokens, which each reader sees in their own
 * time zone; the UTC text stays as the fallback for clients that cannot show them.
 */
export const localTimes = (mrkdwn: string): string =>
  mrkdwn.replace(UTC_MINUTE, (utc, year, month, day, hour, minute) => {
    const seconds = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)) / 1000;
    return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${utc}>` : utc;
  });
