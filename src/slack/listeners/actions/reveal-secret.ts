import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../blocks/notice.js';
import { renderSecretModal } from '../../blocks/secret-modal.js';
import { renderSecretRevealed } from '../../blocks/secret-offer.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Reveal key: the owner sees the value once, in a modal; anyone else, a second click or a late one, a refusal. */
export const revealSecret =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    const outcome = await services.secrets.reveal(body.user.id, action.value ?? '');
    if (outcome.kind === 'refused') {
      await postToResponseUrl(body.response_url, [renderNotice(outcome.message)]);
      return;
    }
    // The trigger lives 3 s, so the modal opens before the message is tidied up.
    await client.views.open({ trigger_id: body.trigger_id, view: renderSecretModal(outcome.title, outcome.value) });
    await postToResponseUrl(body.response_url, [renderSecretRevealed(outcome.title)], { replaceOriginal: true });
  };
