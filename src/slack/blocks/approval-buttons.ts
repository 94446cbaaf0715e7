import type { ActionsBlock, Button } from '@slack/types';
import type { ApprovalRequest } from '../../domain/approvals/model.js';
import { operations } from '../../domain/operations/index.js';
import { ACTIONS } from '../ids.js';
import { plainText } from '../mrkdwn.js';

/** Slack's limits for a button's `accessibility_label` and a confirm dialog's parts. */
const LABEL_CHARS = 75;
const CONFIRM_TITLE_CHARS = 100;
const CONFIRM_TEXT_CHARS = 300;

const isDestructive = (operation: string) => operations.find((o) => o.name === operation)?.risk === 'destructive';

/** What the request will do, as one plain line. */
const firstLine = (request: ApprovalRequest) => request.summary.split('\n')[0] || request.operation;

/**
 * Names the request a button decides, for screen readers: "Approve request req_…, users.remove". It is a bare
 * string, so it holds only the bot's own ids, never text someone typed.
 */
const label = (verb: string, request: ApprovalRequest) =>
  plainText(`${verb} request ${request.id}, ${request.operation}`, LABEL_CHARS);

/**
 * Approve and Reject for a pending card. Approving a destructive request first asks, in Slack's own
 * dialog, whether to run exactly what the card says.
 */
export function approvalButtons(request: ApprovalRequest): ActionsBlock {
  const approve: Button = {
    type: 'button',
    action_id: ACTIONS.approve,
    text: { type: 'plain_text', text: 'Approve' },
    style: 'primary',
    value: request.id,
    accessibility_label: label('Approve', request),
  };
  if (isDestructive(request.operation)) {
    approve.confirm = {
      title: { type: 'plain_text', text: plainText(`Approve request ${request.id}?`, CONFIRM_TITLE_CHARS) },
      text: {
        type: 'plain_text',
        text: plainText(
          `${firstLine(request)}\n\nThis is destructive. It runs as soon as the approvals it needs are in.`,
          CONFIRM_TEXT_CHARS,
        ),
      },
      confirm: { type: 'plain_text', text: 'Approve and run' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    };
  }
  return {
    type: 'actions',
    block_id: `approval:${request.id}`,
    elements: [
      approve,
      {
        type: 'button',
        action_id: ACTIONS.reject,
        text: { type: 'plain_text', text: 'Reject' },
        style: 'danger',
        value: request.id,
        accessibility_label: label('Reject', request),
      },
    ],
  };
}
