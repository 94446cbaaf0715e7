import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderNotice } from '../../blocks/notice.js';
import { renderNoticeModal } from '../../blocks/notice-modal.js';
import { renderSecretModal } from '../../blocks/secret-modal.js';
import { renderSecretRevealed } from '../../blocks/secret-offer.js';
import { VIEWS } from '../../ids.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const NOT_OPENED =
  'Slack could not open the window to show the key (the click may have come too late). It is still kept for you: click Reveal again.';

/**
 * Reveal key: a window opens at once with the click's trigger (valid 3 s), and only then is the key taken and
 * shown in it. If the window cannot be opened or filled, the key stays kept, so no failure loses it.
 */
export const revealSecret =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    const opened = await client.views
      .open({
        trigger_id: body.trigger_id,
        view: renderNoticeModal('Your new key', 'Fetching your key…', VIEWS.secret),
      })
      // A refused trigger is an expected outcome here, answered below; nothing has been taken yet.
      .catch((error: unknown) => {
        services.logger.warn({ reason: reasonOf(error) }, 'could not open the reveal window; the key is kept');
        return undefined;
      });
    const viewId = opened?.view?.id;
    if (!viewId) {
      await postToResponseUrl(body.response_url, [renderNotice(NOT_OPENED)]);
      return;
    }
    const outcome = await services.secrets.reveal(body.user.id, action.value ?? '', async (secret) => {
      await client.views.update({ view_id: viewId, view: renderSecretModal(secret.title, secret.value) });
    });
    if (outcome.kind === 'revealed') {
      await postToResponseUrl(body.response_url, [renderSecretRevealed(outcome.title)], { replaceOriginal: true });
      return;
    }
    await postToResponseUrl(body.response_url, [renderNotice(outcome.message)]);
    if (outcome.kind === 'kept') {
      // The window could not be filled, so it is not written to again.
      services.logger.warn({ reason: reasonOf(outcome.error) }, 'could not show a key; it is kept');
      return;
    }
    await client.views.update({ view_id: viewId, view: renderNoticeModal('Your new key', outcome.message) });
  };

/** Only the error's message is logged: a failed call's details could carry the view that held the key. */
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
