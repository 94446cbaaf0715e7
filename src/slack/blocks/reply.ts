import type { KnownBlock } from '@slack/types';
import type { Reply, ReplyItem } from '../../domain/reply.js';
import { bold, code, escapeText } from '../mrkdwn.js';
import { renderDigest } from './digest.js';
import { LIMITS } from './limits.js';
import { context, packLines, paginate, type SlackMessage, section } from './message.js';
import { moreBlock } from './more-button.js';

const itemLine = (item: ReplyItem): string =>
  [`• ${bold(item.title)}`, item.id ? code(item.id) : undefined, ...(item.facts ?? []).map(escapeText)]
    .filter(Boolean)
    .join('  ·  ');

/** Renders an operation's reply as one or more messages within Block Kit limits. */
export function renderReply(reply: Reply, maxMessages: number = LIMITS.messagesPerResponse): SlackMessage[] {
  if (reply.digest) return [renderDigest(reply.digest)];
  const lead = [bold(reply.title), ...(reply.notes ?? []).map(escapeText)].join('\n');
  const head: KnownBlock[] = [section(lead)];
  if (reply.items && reply.items.length === 0 && reply.emptyText) head.push(section(escapeText(reply.emptyText)));
  const tail: KnownBlock[] = [];
  // Slack shows a channel link only to members, so a private approvals channel's name does not leak.
  if (reply.channelId && /^[CG][A-Z0-9]+$/.test(reply.channelId)) tail.push(context(`Posted in <#${reply.channelId}>`));
  if (reply.requestId) tail.push(context(`OpenAI request id ${code(reply.requestId)}`));
  if (reply.more) tail.push(moreBlock(reply.more));
  const messages = paginate(reply.title, head, packLines((reply.items ?? []).map(itemLine)), maxMessages);
  const last = messages[messages.length - 1] as SlackMessage;
  last.blocks.push(...tail);
  return messages;
}
