import type { KnownBlock, View } from '@slack/types';
import type { AnyOperation } from '../../domain/operations/operation.js';
import { usageOf } from '../../domain/operations/operation.js';
import { VIEWS } from '../ids.js';
import { code, escapeText, truncate } from '../mrkdwn.js';
import { FIELD_ACTION, fieldBlock } from './form-fields.js';
import { encodeMetadata } from './view-metadata.js';

export { FIELD_ACTION };

/** Block id of the optional reason a change is requested for (never an argument name: `--reason` is global). */
export const REASON_BLOCK = '__reason';

const plain = (text: string, max = 150) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });

const reasonBlock = (): KnownBlock => ({
  type: 'input',
  block_id: REASON_BLOCK,
  optional: true,
  label: plain('Reason'),
  hint: plain('Shown to approvers when the change needs approval, and kept in the audit trail.'),
  element: { type: 'plain_text_input', action_id: FIELD_ACTION, multiline: true, max_length: 500 },
});

/**
 * A form generated from the operation's arguments: selects for fixed choices, searchable pickers for projects and
 * members, email, number and date inputs where the arguments say so. Submitting runs the same path as the command.
 */
export function renderOperationForm(operation: AnyOperation, channelId?: string): View {
  const needsApproval = operation.risk === 'destructive';
  const intro = `${escapeText(operation.summary)}\n${code(usageOf(operation))}`;
  const note = needsApproval ? '\nThis change goes to an approver before anything happens.' : '';
  return {
    type: 'modal',
    callback_id: VIEWS.operation,
    title: plain(operation.words.join(' '), 24),
    submit: plain(needsApproval ? 'Request approval' : 'Run', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ operation: operation.name, ...(channelId ? { channelId } : {}) }),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(`${intro}${note}`, 2900) } },
      ...operation.args.slice(0, 95).map(fieldBlock),
      ...(operation.risk === 'read' ? [] : [reasonBlock()]),
    ],
  };
}
