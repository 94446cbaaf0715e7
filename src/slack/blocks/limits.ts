/** Slack's Block Kit limits we design around (with a margin below the documented maxima). */
export const LIMITS = {
  blocksPerMessage: 45,
  sectionChars: 2900,
  /** Slack rejects messages whose blocks total roughly 13k characters (`msg_blocks_too_long`). */
  charsPerMessage: 11_000,
  headerChars: 150,
  /** A section's `fields` entry. */
  fieldChars: 2000,
  /** A message's fallback `text`: shown in notifications, so kept short (Slack cuts it at 40,000). */
  fallbackChars: 3000,
  /** A `response_url` accepts five messages. */
  messagesPerResponse: 5,
} as const;
