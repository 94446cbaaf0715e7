import type { KnownBlock, View } from '@slack/types';
import type { AnyOperation, ArgSpec } from '../../domain/operations/operation.js';
import { usageOf } from '../../domain/operations/operation.js';
import { VIEWS } from '../ids.js';
import { code, truncate } from '../mrkdwn.js';
import { encodeMetadata } from './view-metadata.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: truncate(text, 150), emoji: true });

/** The action id of every input in an operation form. */
export const FIELD_ACTION = 'value';

const field = (arg: ArgSpec): KnownBlock => {
  const label = plain(arg.name.replace(/[_-]/g, ' '));
  if (arg.boolean) {
    return {
      type: 'input',
      block_id: arg.name,
      optional: true,
      label,
      element: {
        type: 'checkboxes',
        action_id: FIELD_ACTION,
        options: [{ text: plain(arg.help ?? 'Yes'), value: 'true' }],
      },
    };
  }
  return {
    type: 'input',
    block_id: arg.name,
    optional: arg.optional === true,
    label,
    ...(arg.repeatable ? { hint: plain('One per line') } : arg.help ? { hint: plain(arg.help) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: FIELD_ACTION,
      multiline: arg.repeatable === true,
      placeholder: plain(arg.placeholder || arg.name),
    },
  };
};

/** A form generated from the operation's arguments; submitting runs the same path as the command. */
export function renderOperationForm(operation: AnyOperation, channelId?: string): View {
  const needsApproval = operation.risk === 'destructive';
  return {
    type: 'modal',
    callback_id: VIEWS.operation,
    title: plain(truncate(operation.words.join(' '), 24)),
    submit: plain(needsApproval ? 'Request approval' : 'Run'),
    close: plain('Cancel'),
    private_metadata: encodeMetadata({ operation: operation.name, ...(channelId ? { channelId } : {}) }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${operation.summary}\n${code(usageOf(operation))}` } },
      ...operation.args.map(field),
    ],
  };
}
