import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { REASON_ACTION, REASON_BLOCK } from '../../blocks/reject-modal.js';
import type { SlackServices } from '../../services.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The reject form was submitted: a refusal is shown in the form; otherwise the request is rejected. */
export const rejectSubmitted =
  (services: SlackServices) =>
  async ({ ack, view, body }: Args): Promise<void> => {
    const requestId = view.private_metadata;
    const reason = view.state.values[REASON_BLOCK]?.[REASON_ACTION]?.value?.trim() || undefined;
    const decision = await services.approvals.decide(body.user.id, requestId, 'reject', reason);
    if (decision.kind === 'refused') {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: decision.message } });
      return;
    }
    await ack();
  };
