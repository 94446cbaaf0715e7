import type { ApprovalRequest } from '../../domain/approvals/model.js';
import type { ApprovalNotifier } from '../../domain/approvals/ports.js';

/** Tells `changed` after a card is posted or rewritten, so the Home tabs of the people concerned follow. */
export function refreshingHomes(
  notifier: ApprovalNotifier,
  changed: (request: ApprovalRequest) => Promise<void>,
): ApprovalNotifier {
  return {
    async postCard(card) {
      const where = await notifier.postCard(card);
      await changed({ ...card.request, card_channel: where.channel, card_ts: where.ts });
      return where;
    },
    async updateCard(card) {
      await notifier.updateCard(card);
      await changed(card.request);
    },
    tellRequester: (card) => notifier.tellRequester(card),
  };
}
