import type { Button, KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { ReplyMore } from '../../domain/reply.js';
import { ACTIONS } from '../ids.js';
import { context } from './message.js';

/** Slack's limit on a button value. */
const VALUE_MAX = 2000;

const moreValue = z.object({ o: z.string().min(1).max(100), i: z.record(z.string(), z.unknown()) });

/** The button value: the operation and the next page's input (filters and an API cursor, no secrets). */
export function encodeMore(more: ReplyMore): string | undefined {
  const value = JSON.stringify({ o: more.operation, i: more.input });
  return value.length <= VALUE_MAX ? value : undefined;
}

/** Reads a "More" button value back; undefined when it is not one this bot wrote. */
export function decodeMore(value: string | undefined): ReplyMore | undefined {
  try {
    const parsed = moreValue.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? { operation: parsed.data.o, input: parsed.data.i } : undefined;
  } catch {
    return undefined;
  }
}

/** A "More" button for the next page, or a note when the filters are too long to carry in a button. */
export function moreBlock(more: ReplyMore): KnownBlock {
  return listingBlock(more, undefined) as KnownBlock;
}

/**
 * The controls under a listing: "More" for the next page and, for a long listing, "Whole list as CSV" (sent by
 * direct message); a note instead of a control whose filters are too long to carry in a button.
 */
export function listingBlock(more: ReplyMore | undefined, wholeList: ReplyMore | undefined): KnownBlock | undefined {
  const moreValue = more && encodeMore(more);
  const csvValue = wholeList && encodeMore(wholeList);
  const elements: Button[] = [];
  if (moreValue) elements.push(button(ACTIONS.more, 'More', moreValue));
  if (csvValue) elements.push(button(ACTIONS.wholeListCsv, 'Whole list as CSV', csvValue));
  if (elements.length > 0) return { type: 'actions', block_id: 'more', elements };
  return more ? context('More results exist; narrow the filters to page through them.') : undefined;
}

const button = (actionId: string, text: string, value: string): Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text, emoji: true },
  value,
});
