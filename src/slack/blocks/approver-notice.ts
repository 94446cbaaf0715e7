import type { KnownBlock } from '@slack/types';
import type { ApprovalCard } from '../../domain/approvals/ports.js';
import type { ApproverNotice } from '../../domain/policy/policy.js';
import { clip, code } from '../mrkdwn.js';
import { message, type SlackMessage, section } from './message.js';

/** More mentions than this make a card noisy; the rest are counted instead. */
const MAX_MENTIONS = 20;

const userMention = (id: string) => (/^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : '');
const groupMention = (id: string) => (/^S[A-Z0-9]+$/.test(id) ? `<!subteam^${id}>` : '');

/** The line on a pending card that pings the approvers the policy names (mention mode), if there are any. */
export function approverMentions(notice: ApproverNotice | undefined): KnownBlock | undefined {
  if (notice?.how !== 'mention') return undefined;
  const all = [...notice.groups.map(groupMention), ...notice.users.map(userMention)].filter(Boolean);
  if (all.length === 0) return undefined;
  const shown = all.slice(0, MAX_MENTIONS).join(' ');
  const more = all.length > MAX_MENTIONS ? ` and ${all.length - MAX_MENTIONS} more` : '';
  return section(`:bell: Awaiting approval from ${shown}${more}`);
}

/** The direct message that tells one approver a request awaits them (dm mode), linking the card. */
export function renderApproverDm(card: ApprovalCard, channel: string, permalink: string | undefined): SlackMessage {
  const { request } = card;
  const firstLine = request.summary.split('\n')[0] || request.operation;
  const where = permalink ? `<${permalink}|Open the card>` : `See <#${channel}>`;
  const asker = userMention(request.requester_id) || clip(request.requester_id, 100);
  return message(`A request awaits your approval: ${firstLine}`, [
    section(
      `:bell: ${asker} asks for approval: *${clip(firstLine, 1_000)}* (${code(request.id, 200)}). ${where} to approve or reject it.`,
    ),
  ]);
}
