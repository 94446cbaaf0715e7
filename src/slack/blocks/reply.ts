import type { KnownBlock } from '@slack/types';
import type { Reply, ReplyItem } from '../../domain/reply.js';
import { bold, code, escapeText, localTimes } from '../mrkdwn.js';
import { renderDigest } from './digest.js';
import { LIMITS } from './limits.js';
import { context, packLines, paginate, type SlackMessage, section } from './message.js';
import { listingBlock } from './more-button.js';

const CUT_NOTE = 'Narrow the listing with a filter, or get the whole list as a CSV file.';
const isCutNote = (block: KnownBlock) => block.type === 'context' && JSON.stringify(block).includes(CUT_NOTE);

/** A channel id shown as a link Slack names for each reader (and only members can open). */
const channelLink = (id: string | undefined) => (id && /^[CG][A-Z0-9]+$/.test(id) ? `in <#${id}>` : undefined);

const itemLine = (item: ReplyItem): string =>
  localTimes(
    [
      `• ${bold(item.title)}`,
      item.id ? code(item.id) : undefined,
      channelLink(item.channelId),
      ...(item.facts ?? []).map(escapeText),
    ]
      .filter(Boolean)
      .join('  ·  '),
  );

/** Renders an operation's reply as one or more messages within Block Kit limits. */
export function renderReply(reply: Reply, maxMessages: number = LIMITS.messagesPerResponse): SlackMessage[] {
  if (reply.digest) return [renderDigest(reply.digest)];
  const lead = localTimes([bold(reply.title), ...(reply.notes ?? []).map(escapeText)].join('\n'));
  const head: KnownBlock[] = [section(lead)];
  if (reply.items && reply.items.length === 0 && reply.emptyText) head.push(section(escapeText(reply.emptyText)));
  const tail: KnownBlock[] = [];
  // Slack shows a channel link only to members, so a private approvals channel's name does not leak.
  if (reply.channelId && /^[CG][A-Z0-9]+$/.test(reply.channelId)) tail.push(context(`Posted in <#${reply.channelId}>`));
  if (reply.requestId) tail.push(context(`OpenAI request id ${code(reply.requestId)}`));
  const lines = packLines((reply.items ?? []).map(itemLine));
  const messages = paginate(reply.title, head, lines, maxMessages, ...(reply.listing ? [CUT_NOTE] : []));
  // A listing too long for its messages, or one that goes on, is offered whole as a file.
  const long = reply.more !== undefined || messages.some((m) => m.blocks.some(isCutNote));
  const controls = listingBlock(reply.more, long ? reply.listing : undefined);
  if (controls) tail.push(controls);
  const last = messages[messages.length - 1] as SlackMessage;
  last.blocks.push(...tail);
  return messages;
}
