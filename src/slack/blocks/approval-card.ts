import type { KnownBlock } from '@slack/types';
import type { ApprovalRequest } from '../../domain/approvals/model.js';
import type { ApprovalCard } from '../../domain/approvals/ports.js';
import type { ApproverNotice } from '../../domain/policy/policy.js';
import { clip, code, escapeText } from '../mrkdwn.js';
import { approvalButtons } from './approval-buttons.js';
import { approverMentions } from './approver-notice.js';
import { LIMITS } from './limits.js';
import { context, header, message, type SlackMessage, section } from './message.js';

const when = (ms: number) =>
  `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;

const mention = (userId: string | null) =>
  userId && /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : clip(userId ?? 'someone', 100);

/** "1 of 2: <@alice>": how many approvals are in against how many are needed, and whose. */
const approvalsSoFar = ({ request, votes }: ApprovalCard) => {
  const count = `${votes.length} of ${request.required_approvals}`;
  return votes.length ? `${count}: ${votes.map((v) => mention(v.user_id)).join(', ')}` : count;
};

/** Room for a reason in a card field (Slack allows 2,000 characters per field, label included). */
const REASON_CHARS = LIMITS.fieldChars - 100;

const HEADLINE: Record<ApprovalRequest['state'], string> = {
  pending: 'Approval needed',
  approved: 'Approved, starting',
  executing: 'Approved, running',
  succeeded: 'Approved and done',
  failed: 'Approved, but it failed',
  rejected: 'Rejected',
  expired: 'Expired',
  cancelled: 'Cancelled',
  outcome_unknown: 'Outcome unknown',
};

const resultText = (value: unknown): string => {
  const record = (value ?? {}) as { title?: unknown; notes?: unknown; message?: unknown; request_id?: unknown };
  const lines = [record.title, record.message, ...(Array.isArray(record.notes) ? record.notes : [])];
  return lines
    .filter((l): l is string => typeof l === 'string')
    .map(escapeText)
    .join('\n');
};

/** The outcome line that replaces the buttons once a request is no longer pending. */
function outcome(card: ApprovalCard): string {
  const { request } = card;
  const approvers = card.votes.map((v) => mention(v.user_id)).join(', ') || mention(request.decided_by);
  const decided = request.decided_at ? ` ${when(request.decided_at)}` : '';
  switch (request.state) {
    case 'approved':
    case 'executing':
      return `:hourglass_flowing_sand: Approved by ${approvers}${decided}; running now.`;
    case 'succeeded':
      return `:white_check_mark: Approved by ${approvers}${decided}. Done.\n${resultText(request.result)}`;
    case 'failed':
      return `:x: Approved by ${approvers}${decided}, but it failed: ${resultText(request.error)}`;
    case 'rejected':
      return `:no_entry_sign: Rejected by ${mention(request.decided_by)}${decided}${request.decision_reason ? `: “${clip(request.decision_reason, REASON_CHARS)}”` : '.'}`;
    case 'expired':
      return `:hourglass: Expired ${when(request.expires_at)} without enough approvals. Nothing was changed.`;
    case 'cancelled':
      return `:leftwards_arrow_with_hook: Cancelled${request.decided_by ? ` by ${mention(request.decided_by)}` : ''}${decided}. Nothing was changed.`;
    case 'outcome_unknown':
      return ':warning: The bot stopped while running this, so whether it took effect is unknown. Check the OpenAI audit log before asking again; it will not be retried.';
    default:
      return '';
  }
}

/** The approval card: what will change, who asked and why, expiry, and the buttons while it is pending. */
export function renderApprovalCard(card: ApprovalCard, notice?: ApproverNotice): SlackMessage {
  const { request } = card;
  const [firstLine = request.operation, ...detailLines] = request.summary.split('\n');
  const requester = `${mention(request.requester_id)}${request.requester_email ? ` (${clip(request.requester_email, 300)})` : ''}`;
  const blocks: KnownBlock[] = [
    header(`${HEADLINE[request.state]}: ${firstLine}`),
    section([`*${escapeText(firstLine)}*`, ...detailLines.map(escapeText)].join('\n')),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Requested by*\n${requester}` },
        { type: 'mrkdwn', text: `*Operation*\n${code(request.operation, 200)}` },
        {
          type: 'mrkdwn',
          text: `*Reason*\n${request.reason ? clip(request.reason, REASON_CHARS) : '_none given_'}`,
        },
        { type: 'mrkdwn', text: `*Expires*\n${when(request.expires_at)}` },
        {
          type: 'mrkdwn',
          text: `*Approvals*\n${approvalsSoFar(card)} (${clip(request.approver_role, 200)} role)`,
        },
        { type: 'mrkdwn', text: `*Request*\n${code(request.id, 200)}` },
      ],
    },
  ];
  if (request.state === 'pending' && card.blocked) {
    blocks.push(
      section(
        `:warning: *This request can no longer run:* ${escapeText(card.blocked)}. Reject it, or the requester can withdraw it with ${code(`/openai approvals cancel ${request.id}`)}.`,
      ),
    );
  }
  if (request.state === 'pending') {
    const mentions = approverMentions(notice);
    if (mentions) blocks.push(mentions);
    blocks.push(approvalButtons(request));
  } else {
    blocks.push(section(outcome(card)));
  }
  if (request.openai_request_id) blocks.push(context(`OpenAI request id ${code(request.openai_request_id)}`));
  return message(`${HEADLINE[request.state]}: ${firstLine}`, blocks);
}

/** The private note to the requester about their request's current state, linking its card when it can. */
export function renderRequesterNote(card: ApprovalCard, permalink?: string): SlackMessage {
  const { request } = card;
  const firstLine = request.summary.split('\n')[0] ?? request.operation;
  const link = permalink ? ` <${permalink}|View the card>` : '';
  const text = `Your request ${code(request.id, 200)} (${clip(firstLine, 500)}): ${outcome(card)}${link}`;
  return message(`Your request ${request.id}: ${HEADLINE[request.state]}`, [section(text)]);
}

/** The reply in the card's thread that records one change of the request's state. */
export function renderStatusReply(card: ApprovalCard): SlackMessage {
  return message(`${HEADLINE[card.request.state]}: request ${card.request.id}`, [section(outcome(card))]);
}
