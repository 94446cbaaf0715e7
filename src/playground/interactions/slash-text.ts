import { CHANNELS, USER_GROUPS, USERS } from '../workspace/seed.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_TEXT = /\bhttps?:\/\/[^\s<>|]+/g;
const MENTION = /(^|\s)@([A-Za-z0-9._-]+)/g;
const CHANNEL = /(^|\s)#([A-Za-z0-9_-]+)/g;
const BROADCASTS = new Set(['here', 'channel', 'everyone']);

/**
 * Command text as Slack sends it for a command with "escape channels, users and links" on (`should_escape`): `&`,
 * `<` and `>` as entities, then emails, links, @people, @groups, @here and #channels as Slack's `<…>` tokens.
 */
export function escapeCommandText(typed: string): string {
  const escaped = typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const pieces = escaped.split(/(\s+)/);
  return pieces
    .map((piece) => {
      if (/^\s*$/.test(piece)) return piece;
      if (piece.match(URL_TEXT)) return piece.replace(URL_TEXT, (url) => `<${url}>`);
      if (!piece.startsWith('@') && piece.match(EMAIL)) {
        return piece.replace(EMAIL, (email) => `<mailto:${email}|${email}>`);
      }
      return piece
        .replace(MENTION, (whole, space: string, handle: string) => {
          const wanted = handle.toLowerCase();
          if (BROADCASTS.has(wanted)) return `${space}<!${wanted}>`;
          const user = USERS.find((u) => u.name === wanted);
          if (user) return `${space}<@${user.id}|${user.name}>`;
          const group = Object.entries(USER_GROUPS).find(([, g]) => g.handle === wanted);
          return group ? `${space}<!subteam^${group[0]}|@${group[1].handle}>` : whole;
        })
        .replace(CHANNEL, (whole, space: string, name: string) => {
          const channel = CHANNELS.find((c) => c.name === name.toLowerCase());
          return channel ? `${space}<#${channel.id}|${channel.name}>` : whole;
        });
    })
    .join('');
}
