import { echo } from './echo.js';

export type Piece = { type: 'text'; text: string; quoted: boolean } | { type: 'angle'; inner: string };

export interface RawToken {
  pieces: Piece[];
  start: number;
  end: number;
}

export type LexResult = { ok: true; tokens: RawToken[] } | { ok: false; error: string };

enum Quote {
  None = 0,
  Double = 1,
  Single = 2,
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const EQUALS = 0x3d;

/** `"“”„‟` or `'‘’‚‛`: either family opens a quote that a character of the same family closes. */
function quoteOf(code: number): Quote {
  if (code === 0x22 || (code >= 0x201c && code <= 0x201f)) return Quote.Double;
  if (code === 0x27 || (code >= 0x2018 && code <= 0x201b)) return Quote.Single;
  return Quote.None;
}

/** JavaScript's `\s` and the zero-width space, by code unit, without a regular expression per character. */
function isSeparator(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

function snippet(text: string, from: number): string {
  return echo(decodeEntities(text.slice(from, from + 200)), 40);
}

/** Index of the '>' closing the '<' at `open`, or -1 when it never closes. */
function angleEnd(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j += 1) {
    const code = text.charCodeAt(j);
    if (code === GREATER_THAN) return j;
    if (code === LESS_THAN) break;
  }
  return -1;
}

/**
 * Splits text into separator-delimited tokens made of plain, quoted and `<...>` pieces, in one pass: plain runs are
 * sliced from the text rather than built a character at a time, so the work is linear in the text's length.
 */
export function lex(text: string): LexResult {
  const tokens: RawToken[] = [];
  let pieces: Piece[] = [];
  let start = -1;
  let buf = '';
  // Characters kept since `run` that are not in buf yet; taken in one slice when something else happens.
  let run = -1;
  // Whether the kept text ends with '=' (a quote there opens a flag's inline value).
  let endsWithEquals = false;
  let quote = Quote.None;
  let quoteAt = 0;
  // Only a token's first piece says whether it was quoted (a quoted "--flag" is no flag); text after it joins the text
  // piece before, so a token of many short quoted parts stays one piece rather than thousands.
  const addText = (piece: string, quoted: boolean): void => {
    const last = pieces[pieces.length - 1];
    if (last?.type === 'text') last.text += piece;
    else pieces.push({ type: 'text', text: piece, quoted });
  };
  const take = (at: number): void => {
    if (run >= 0) buf += text.slice(run, at);
    run = -1;
  };
  const flush = (at: number): void => {
    take(at);
    if (buf !== '') addText(buf, quote !== Quote.None);
    buf = '';
    endsWithEquals = false;
  };
  const finish = (at: number): void => {
    flush(at);
    if (start >= 0) tokens.push({ pieces, start, end: at });
    pieces = [];
    start = -1;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (quote === Quote.None && isSeparator(code)) {
      finish(i);
      continue;
    }
    if (start < 0) start = i;
    const family = quoteOf(code);
    if (code === LESS_THAN) {
      const close = angleEnd(text, i);
      if (close < 0) return { ok: false, error: `Unclosed \`<\` in \`${snippet(text, i)}\` (missing \`>\`)` };
      flush(i);
      pieces.push({ type: 'angle', inner: text.slice(i + 1, close) });
      i = close;
    } else if (quote !== Quote.None && family === quote) {
      take(i);
      addText(buf, true);
      buf = '';
      endsWithEquals = false;
      quote = Quote.None;
    } else if (
      quote === Quote.None &&
      family !== Quote.None &&
      ((pieces.length === 0 && buf === '' && run < 0) || endsWithEquals)
    ) {
      flush(i);
      quote = family;
      quoteAt = i;
    } else {
      if (run < 0) run = i;
      endsWithEquals = code === EQUALS;
    }
  }
  if (quote !== Quote.None)
    return { ok: false, error: `Unterminated quote in \`${snippet(text, quoteAt)}\`: add the closing quote` };
  finish(text.length);
  return { ok: true, tokens };
}
