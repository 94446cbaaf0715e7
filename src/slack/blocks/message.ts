import type { KnownBlock } from '@slack/types';
import { clip, plainText, truncate } from '../mrkdwn.js';
import { LIMITS } from './limits.js';

declare const fallbackText: unique symbol;
/** A message's fallback `text`, made only by `message()`, so none reaches Slack without the escaping rule. */
export type FallbackText = string & { readonly [fallbackText]: true };

export interface SlackMessage {
  /** What notifications and screen readers show; Slack reads it as mrkdwn. */
  text: FallbackText;
  blocks: KnownBlock[];
}

/**
 * Sent with every message: names, reasons and other text people typed are echoed in them, and a link in such text
 * must not unfold into a preview of a page someone else chose.
 */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** A message from plain fallback text (escaped and cut here) and blocks built with the same rule. */
export const message = (fallback: string, blocks: KnownBlock[]): SlackMessage => ({
  text: clip(fallback, LIMITS.fallbackChars) as FallbackText,
  blocks,
});

export const section = (mrkdwn: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionChars) },
});

export const context = (mrkdwn: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionChars) }],
});

export const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: plainText(text, LIMITS.headerChars), emoji: true },
});

/** A section's text and how many listing lines it holds. */
export interface Chunk {
  text: string;
  lines: number;
}

/** Packs mrkdwn lines into sections of at most `sectionChars`, never splitting a line. */
export function packLines(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { text: '', lines: 0 };
  for (const raw of lines) {
    const line = truncate(raw, LIMITS.sectionChars);
    if (current.lines > 0 && current.text.length + 1 + line.length > LIMITS.sectionChars) {
      chunks.push(current);
      current = { text: line, lines: 1 };
    } else {
      current = { text: current.lines > 0 ? `${current.text}\n${line}` : line, lines: current.lines + 1 };
    }
  }
  if (current.lines > 0) chunks.push(current);
  return chunks;
}

const blockChars = (block: KnownBlock) => JSON.stringify(block).length;

/**
 * Lays out a heading and a listing as messages that each respect Slack's block count and total size limits,
 * at most `maxMessages` of them; when the listing is cut short, the last message says how much was shown and
 * `whenCut` (what to do about the rest).
 */
export function paginate(
  title: string,
  head: KnownBlock[],
  chunks: readonly Chunk[],
  maxMessages: number,
  whenCut = 'Narrow the listing with a filter to see the rest.',
): SlackMessage[] {
  const totalLines = chunks.reduce((n, c) => n + c.lines, 0);
  const messages: SlackMessage[] = [];
  let blocks = [...head];
  let chars = head.reduce((n, b) => n + blockChars(b), 0);
  let shownLines = 0;
  for (const chunk of chunks) {
    const block = section(chunk.text);
    const size = blockChars(block);
    // Keep one block free in every message for the "list cut short" note.
    if (blocks.length + 2 > LIMITS.blocksPerMessage || chars + size > LIMITS.charsPerMessage) {
      if (messages.length + 1 === maxMessages) break;
      messages.push(message(title, blocks));
      blocks = [context(`${clip(title, LIMITS.sectionChars - 20)} (continued)`)];
      chars = blockChars(blocks[0] as KnownBlock);
    }
    blocks.push(block);
    chars += size;
    shownLines += chunk.lines;
  }
  if (shownLines < totalLines) {
    blocks.push(context(`Showing ${shownLines} of ${totalLines}. ${whenCut}`));
  }
  messages.push(message(title, blocks));
  return messages;
}
