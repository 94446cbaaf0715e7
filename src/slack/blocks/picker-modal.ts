import type { View } from '@slack/types';
import type { AnyOperation } from '../../domain/operations/operation.js';
import { ACTIONS, VIEWS } from '../ids.js';
import { truncate } from '../mrkdwn.js';
import { encodeMetadata } from './view-metadata.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** The modal `/openai` alone opens: pick an operation, then its form appears. */
export function renderPicker(operations: readonly AnyOperation[], channelId?: string): View {
  const groups = new Map<string, AnyOperation[]>();
  for (const op of operations) {
    const resource = op.name.split('.')[0] ?? op.name;
    groups.set(resource, [...(groups.get(resource) ?? []), op]);
  }
  return {
    type: 'modal',
    callback_id: VIEWS.picker,
    title: plain('OpenAI organization'),
    close: plain('Close'),
    private_metadata: encodeMetadata(channelId ? { channelId } : {}),
    blocks: [
      {
        type: 'section',
        block_id: 'picker',
        text: { type: 'mrkdwn', text: 'What would you like to do?' },
        accessory: {
          type: 'static_select',
          action_id: ACTIONS.pickOperation,
          placeholder: plain('Choose an operation'),
          option_groups: [...groups.entries()].slice(0, 100).map(([resource, ops]) => ({
            label: plain(truncate(resource, 75)),
            options: ops.slice(0, 100).map((op) => ({
              text: plain(truncate(op.summary, 75)),
              value: op.name,
            })),
          })),
        },
      },
    ],
  };
}
