import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../blocks/notice.js';
import { renderRejectModal } from '../../blocks/reject-modal.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Reject on a card: someone allowed to reject gets a form for the reason; anyone else a private refusal. */
export const approvalRejectClicked =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    const requestId = action.value ?? '';
    const check = await services.approvals.check(body.user.id, requestId, 'reject');
    if (check.kind === 'refused') {
      await postToResponseUrl(body.response_url, [renderNotice(check.message)]);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: renderRejectModal(requestId) });
  };
