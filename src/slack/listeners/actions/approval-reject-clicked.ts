import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNoticeModal } from '../../blocks/notice-modal.js';
import { renderRejectModal } from '../../blocks/reject-modal.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Reject on a card: the form for the reason opens at once, while the trigger (valid 3 s) is fresh; the checks
 * (which may look up user groups) run after, and someone not allowed to reject sees the form turn into the refusal.
 */
export const approvalRejectClicked =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    const requestId = action.value ?? '';
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: renderRejectModal(requestId) });
    const check = await services.approvals.check(body.user.id, requestId, 'reject');
    if (check.kind === 'refused' && opened.view?.id) {
      await client.views.update({
        view_id: opened.view.id,
        ...(opened.view.hash ? { hash: opened.view.hash } : {}),
        view: renderNoticeModal('Cannot reject', check.message),
      });
    }
  };
