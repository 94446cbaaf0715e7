import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { BUSY_MESSAGE } from '../../../in-flight.js';
import { queueAfterAck } from '../../after-ack.js';
import { renderNoticeModal } from '../../blocks/notice-modal.js';
import { REASON_ACTION, REASON_BLOCK } from '../../blocks/reject-modal.js';
import type { SlackServices } from '../../services.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The reject form was submitted. Deciding writes to the store, rewrites the card and tells the requester, which
 * can outlast Slack's 3 s, so the form is answered first with a progress view that then shows the outcome.
 */
export const rejectSubmitted =
  (services: SlackServices) =>
  async ({ ack, view, body, client }: Args): Promise<void> => {
    const requestId = view.private_metadata;
    const reason = view.state.values[REASON_BLOCK]?.[REASON_ACTION]?.value?.trim() || undefined;
    const decided = queueAfterAck(
      services,
      body,
      async () => {
        const decision = await services.approvals.decide(body.user.id, requestId, 'reject', reason);
        const title = decision.kind === 'refused' ? 'Cannot reject' : 'Reject request';
        await client.views.update({ view_id: view.id, view: renderNoticeModal(title, decision.message) });
      },
      { unpaced: true },
    );
    const progress = decided ? `Rejecting request ${requestId}…` : BUSY_MESSAGE;
    await ack({ response_action: 'update', view: renderNoticeModal('Reject request', progress) });
  };
