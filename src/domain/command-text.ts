import { decodeEntities, lex, type Piece, type RawToken } from './command-lexer.js';

export type TokenKind = 'word' | 'email' | 'user' | 'channel' | 'usergroup' | 'url' | 'broadcast';

export interface Token {
  kind: TokenKind;
  /** word: the decoded text; email: lower-cased address; user: 'U123'; channel: 'C123'; usergroup: 'S123'; url: the url; broadcast: 'here'|'channel'|'everyone' */
  value: string;
  /** the label Slack sent after '|', decoded, if any (e.g. user name, channel name, '@ops') */
  label?: string;
  /** the token exactly as it appeared in the text (for error messages) */
  raw: string;
}

/** Flag names are lower-cased and stored without '--'. A flag given without a value maps to an empty array. */
export interface CommandText {
  words: Token[];
  flags: Map<string, Token[]>;
}

export type ParseResult = { ok: true; value: CommandText } | { ok: false; error: string };

/** Slack's own limit on a message's text, and so on what can be typed after a slash command. */
export const MAX_COMMAND_CHARS = 40_000;

const END_OF_FLAGS = new Set(['--', '\u2014', '\u2013']);
const FLAG = /^(?:--|[\u2014\u2013])([A-Za-z][\w.-]*)(?:=|$)/;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const BROADCAST = /^!(here|channel|everyone)$/;
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Escapes the three characters Slack treats as control characters, so echoed input cannot mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function classifyAngle(inner: string, raw: string): Token {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  const make = (kind: TokenKind, value: string): Token =>
    label === undefined ? { kind, value, raw } : { kind, value, label, raw };
  const broadcast = BROADCAST.exec(target);
  if (broadcast?.[1]) return make('broadcast', broadcast[1]);
  if (target.length > 1 && target.startsWith('@')) return make('user', target.slice(1));
  if (target.length > 1 && target.startsWith('#')) return make('channel', target.slice(1));
  if (target.length > 9 && target.startsWith('!subteam^')) return make('usergroup', target.slice(9));
  if (/^mailto:/i.test(target)) return make('email', decodeEntities(target.slice(7)).toLowerCase());
  if (URL_SCHEME.test(target)) return make('url', decodeEntities(target));
  return { kind: 'word', value: label ?? decodeEntities(target), raw };
}

/** How an embedded Slack token reads when it is part of a longer word or quoted text. */
function displayText(token: Token): string {
  switch (token.kind) {
    case 'user':
      return `@${token.label ?? token.value}`;
    case 'channel':
      return `#${token.label ?? token.value}`;
    case 'usergroup':
      return token.label ?? `@${token.value}`;
    case 'broadcast':
      return `@${token.value}`;
    default:
      return token.label ?? token.value;
  }
}

function classify(pieces: readonly Piece[], raw: string): Token {
  const content = pieces.filter((p) => p.type === 'angle' || p.text !== '');
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type === 'angle') return classifyAngle(only.inner, raw);
  const text = content
    .map((p) => (p.type === 'angle' ? displayText(classifyAngle(p.inner, '')) : decodeEntities(p.text)))
    .join('');
  return EMAIL.test(text) ? { kind: 'email', value: text.toLowerCase(), raw } : { kind: 'word', value: text, raw };
}

function isEndOfFlags(token: RawToken): boolean {
  const first = token.pieces[0];
  return token.pieces.length === 1 && first?.type === 'text' && !first.quoted && END_OF_FLAGS.has(first.text);
}

/** The flag a token names, and where its inline value starts (after '='), if it is a flag at all. */
function flagOf(token: RawToken): { name: string; valueAt?: number } | undefined {
  const first = token.pieces[0];
  if (first?.type !== 'text' || first.quoted) return undefined;
  const match = FLAG.exec(first.text);
  if (!match?.[1]) return undefined;
  const name = match[1].toLowerCase();
  if (match[0].endsWith('=')) return { name, valueAt: match[0].length };
  return token.pieces.length === 1 ? { name } : undefined;
}

/** Splits the text Slack sends after the command into words and `--flag value` pairs. Never throws. */
export function parseCommandText(text: string): ParseResult {
  const source = typeof text === 'string' ? text : '';
  try {
    const lexed = lex(source);
    if (!lexed.ok) return lexed;
    const { tokens } = lexed;
    const words: Token[] = [];
    const flags = new Map<string, Token[]>();
    let flagsDone = false;
    for (let k = 0; k < tokens.length; k += 1) {
      const token = tokens[k]!;
      if (!flagsDone && isEndOfFlags(token)) {
        flagsDone = true;
        continue;
      }
      const flag = flagsDone ? undefined : flagOf(token);
      if (!flag) {
        words.push(classify(token.pieces, source.slice(token.start, token.end)));
        continue;
      }
      const values = flags.get(flag.name) ?? [];
      flags.set(flag.name, values);
      if (flag.valueAt !== undefined) {
        const [first, ...rest] = token.pieces;
        const head: Piece[] = first?.type === 'text' ? [{ ...first, text: first.text.slice(flag.valueAt) }] : [];
        values.push(classify([...head, ...rest], source.slice(token.start + flag.valueAt, token.end)));
        continue;
      }
      const next = tokens[k + 1];
      if (next && !isEndOfFlags(next) && !flagOf(next)) {
        values.push(classify(next.pieces, source.slice(next.start, next.end)));
        k += 1;
      }
    }
    return { ok: true, value: { words, flags } };
  } catch {
    return { ok: false, error: 'Could not read the command text' };
  }
}
