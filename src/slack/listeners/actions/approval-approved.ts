import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { afterAckOrBusy } from '../../after-ack.js';
import { NO_UNFURL } from '../../blocks/message.js';
import { renderNotice } from '../../blocks/notice.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Approve on a card or on Home: the domain decides; refusals and progress go privately to the clicker. */
export const approvalApproved =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    afterAckOrBusy(
      services,
      body,
      async () => {
        const decision = await services.approvals.decide(body.user.id, action.value ?? '', 'approve');
        if (decision.kind === 'decided') return;
        const note = renderNotice(decision.message);
        // A click on the Home tab comes without a response URL: the note goes by direct message instead.
        if (body.response_url) await postToResponseUrl(body.response_url, [note]);
        else
          await client.chat.postMessage({ channel: body.user.id, text: note.text, blocks: note.blocks, ...NO_UNFURL });
      },
      // A decision is awaited by a person and cannot flood: it starts as soon as a place is free, whatever the pace.
      { unpaced: true },
    );
  };
