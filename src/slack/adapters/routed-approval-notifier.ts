import type { ApprovalNotifier } from '../../domain/approvals/ports.js';

/**
 * Posts a request's card in the channel its input names (`approval_channel`, set when the policy routes a project's
 * access requests elsewhere), else through `fallback`. Updates go wherever the card was posted, as always.
 */
export function routeApprovalCards(
  fallback: ApprovalNotifier,
  inChannel: (channel: string) => ApprovalNotifier,
): ApprovalNotifier {
  return {
    postCard(card) {
      const channel = card.request.input.approval_channel;
      return typeof channel === 'string' && channel ? inChannel(channel).postCard(card) : fallback.postCard(card);
    },
    updateCard: (card) => fallback.updateCard(card),
    tellRequester: (card) => fallback.tellRequester(card),
  };
}
