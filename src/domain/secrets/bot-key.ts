/** Tells whether a redacted admin key (as list calls show it) is the key this bot runs with. */
export interface BotKeyCheck {
  isBotKey(redactedValue: string | null | undefined): boolean;
}

// `sk-admin...def`, `sk-admin…def`, `sk-adm****wxyz`: a visible prefix, a mask, a visible suffix.
const REDACTED = /^(.*?)(?:\.{2,}|…|\*{2,})(.*)$/s;

/**
 * True when `redacted` could be the redacted form of `secret`: its visible prefix and suffix are the
 * secret's own. Refuses to guess when too little is visible to tell keys apart.
 */
export function redactedFormMatches(secret: string, redacted: string): boolean {
  const match = REDACTED.exec(redacted.trim());
  if (!match) return false;
  const prefix = match[1] ?? '';
  const suffix = match[2] ?? '';
  if (suffix.length < 2 || prefix.length + suffix.length >= secret.length) return false;
  return secret.startsWith(prefix) && secret.endsWith(suffix);
}

/** A check that holds the configured admin key without exposing it. */
export function createBotKeyCheck(adminKey: string): BotKeyCheck {
  return {
    isBotKey: (redacted) => typeof redacted === 'string' && redactedFormMatches(adminKey, redacted),
  };
}
