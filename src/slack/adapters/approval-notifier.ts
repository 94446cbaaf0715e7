import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ApprovalCard, ApprovalNotifier } from '../../domain/approvals/ports.js';
import type { ApproverNotice } from '../../domain/policy/policy.js';
import { renderApprovalCard, renderRequesterNote, renderStatusReply } from '../blocks/approval-card.js';
import { renderApproverDm } from '../blocks/approver-notice.js';
import { NO_UNFURL } from '../blocks/message.js';

/** Who hears of a pending request and how (from the policy); without it the card names no one. */
export type NoticeOf = (card: ApprovalCard) => Promise<ApproverNotice>;

/** Approval cards as Slack messages in the approvals channel; requester notes as direct messages. */
export function createApprovalNotifier(
  client: WebClient,
  channel: string,
  logger: Logger,
  noticeOf?: NoticeOf,
): ApprovalNotifier {
  const pendingNotice = async (card: ApprovalCard) =>
    card.request.state === 'pending' && noticeOf
      ? noticeOf(card).catch((error: unknown) => {
          logger.warn({ err: error, requestId: card.request.id }, 'could not work out whom to notify');
          return undefined;
        })
      : undefined;

  const permalink = (where: { channel: string; ts: string }) =>
    client.chat
      .getPermalink({ channel: where.channel, message_ts: where.ts })
      .then((answer) => answer.permalink)
      .catch(() => undefined);

  const messageApprovers = async (
    card: ApprovalCard,
    users: readonly string[],
    where: { channel: string; ts: string },
  ) => {
    const link = await permalink(where);
    const dm = renderApproverDm(card, where.channel, link);
    for (const user of users) {
      await client.chat
        .postMessage({ channel: user, text: dm.text, blocks: dm.blocks, ...NO_UNFURL })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id, user }, 'could not tell an approver'),
        );
    }
  };

  return {
    async postCard(card) {
      const notice = await pendingNotice(card);
      const message = renderApprovalCard(card, notice);
      const posted = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        ...NO_UNFURL,
      });
      const where = { channel: posted.channel ?? channel, ts: posted.ts as string };
      if (notice?.how === 'dm') await messageApprovers(card, notice.users, where);
      return where;
    },
    async updateCard(card: ApprovalCard) {
      const { card_channel: cardChannel, card_ts: ts } = card.request;
      if (!cardChannel || !ts) return;
      const message = renderApprovalCard(card, await pendingNotice(card));
      await client.chat
        .update({ channel: cardChannel, ts, text: message.text, blocks: message.blocks })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id }, 'could not update approval card'),
        );
      // Each call with a state other than pending follows one transition, so each change is told once.
      if (card.request.state === 'pending') return;
      const reply = renderStatusReply(card);
      await client.chat
        .postMessage({ channel: cardChannel, thread_ts: ts, text: reply.text, blocks: reply.blocks, ...NO_UNFURL })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id }, 'could not reply in the card thread'),
        );
    },
    async tellRequester(card: ApprovalCard) {
      const { card_channel: cardChannel, card_ts: ts } = card.request;
      const link = cardChannel && ts ? await permalink({ channel: cardChannel, ts }) : undefined;
      const message = renderRequesterNote(card, link);
      await client.chat
        .postMessage({ channel: card.request.requester_id, text: message.text, blocks: message.blocks, ...NO_UNFURL })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id }, 'could not tell the requester'),
        );
    },
  };
}
