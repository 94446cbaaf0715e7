import type { View } from '@slack/types';
import { VIEWS } from '../ids.js';

export const REASON_BLOCK = 'reason';
export const REASON_ACTION = 'value';

/** The small form Reject opens for an optional reason; it carries only the request id. */
export function renderRejectModal(requestId: string): View {
  return {
    type: 'modal',
    callback_id: VIEWS.reject,
    private_metadata: requestId,
    title: { type: 'plain_text', text: 'Reject request' },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: REASON_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: 'Reason (shown on the card and to the requester)' },
        element: { type: 'plain_text_input', action_id: REASON_ACTION, multiline: true, max_length: 1_000 },
      },
    ],
  };
}
