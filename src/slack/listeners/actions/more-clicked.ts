import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { UsageError } from '../../../errors.js';
import { afterAckOrBusy } from '../../after-ack.js';
import { decodeMore } from '../../blocks/more-button.js';
import { renderReply } from '../../blocks/reply.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "More" under a listing: the next page, fetched as the clicker, replaces the page it was clicked on. */
export const moreClicked =
  (services: SlackServices) =>
  async ({ ack, action, body }: Args): Promise<void> => {
    await ack();
    afterAckOrBusy(services, body, async () => {
      const more = decodeMore(action.value);
      if (!more) throw new UsageError('This button no longer works; run the command again.');
      const actor = toActor(body.user.id, body.channel?.id ?? body.container?.channel_id);
      const reply = await services.commands.more(actor, more.operation, more.input);
      await postToResponseUrl(body.response_url, renderReply(reply), { replaceOriginal: true });
    });
  };

/** "Whole list as CSV" under a long listing: the listing, gathered as the clicker, arrives as a file by DM. */
export const wholeListClicked =
  (services: SlackServices) =>
  async ({ ack, action, body }: Args): Promise<void> => {
    await ack();
    afterAckOrBusy(services, body, async () => {
      const listing = decodeMore(action.value);
      if (!listing) throw new UsageError('This button no longer works; run the command again.');
      const actor = toActor(body.user.id, body.channel?.id ?? body.container?.channel_id);
      const reply = await services.commands.exportListing(actor, listing.operation, listing.input);
      await postToResponseUrl(body.response_url, renderReply(reply));
    });
  };
