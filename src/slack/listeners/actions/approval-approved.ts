import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../blocks/notice.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Approve on a card: the domain decides; refusals and progress go privately to the clicker. */
export const approvalApproved =
  (services: SlackServices) =>
  async ({ ack, action, body }: Args): Promise<void> => {
    await ack();
    await services.inFlight.afterAck(async () => {
      const decision = await services.approvals.decide(body.user.id, action.value ?? '', 'approve');
      if (decision.kind !== 'decided') await postToResponseUrl(body.response_url, [renderNotice(decision.message)]);
    });
  };
