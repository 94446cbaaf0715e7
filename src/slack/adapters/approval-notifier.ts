import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ApprovalCard, ApprovalNotifier } from '../../domain/approvals/ports.js';
import { renderApprovalCard, renderRequesterNote } from '../blocks/approval-card.js';

/** Approval cards as Slack messages in the approvals channel; requester notes as direct messages. */
export function createApprovalNotifier(client: WebClient, channel: string, logger: Logger): ApprovalNotifier {
  return {
    async postCard(card) {
      const message = renderApprovalCard(card);
      const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
      return { channel: posted.channel ?? channel, ts: posted.ts as string };
    },
    async updateCard(card: ApprovalCard) {
      const { card_channel: cardChannel, card_ts: ts } = card.request;
      if (!cardChannel || !ts) return;
      const message = renderApprovalCard(card);
      await client.chat
        .update({ channel: cardChannel, ts, text: message.text, blocks: message.blocks })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id }, 'could not update approval card'),
        );
    },
    async tellRequester(card: ApprovalCard) {
      const message = renderRequesterNote(card);
      await client.chat
        .postMessage({ channel: card.request.requester_id, text: message.text, blocks: message.blocks })
        .catch((error: unknown) =>
          logger.warn({ err: error, requestId: card.request.id }, 'could not tell the requester'),
        );
    },
  };
}
