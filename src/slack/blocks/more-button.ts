import type { KnownBlock } from '@slack/types';
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
  const value = encodeMore(more);
  if (!value) return context('More results exist; narrow the filters to page through them.');
  return {
    type: 'actions',
    block_id: 'more',
    elements: [
      {
        type: 'button',
        action_id: ACTIONS.more,
        text: { type: 'plain_text', text: 'More', emoji: true },
        value,
      },
    ],
  };
}
