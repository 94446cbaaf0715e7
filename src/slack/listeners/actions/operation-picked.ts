import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { renderOperationForm } from '../../blocks/operation-form.js';
import { decodeMetadata } from '../../blocks/view-metadata.js';
import type { SlackServices } from '../../services.js';

type Args = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/** The picker's select changed: show the form of the chosen operation in the same modal. */
export const operationPicked =
  (services: SlackServices) =>
  async ({ ack, action, body, client }: Args): Promise<void> => {
    await ack();
    const operation = services.operations.find((op) => op.name === action.selected_option.value);
    if (!operation || !body.view) return;
    const { channelId } = decodeMetadata(body.view.private_metadata);
    await client.views.update({
      view_id: body.view.id,
      hash: body.view.hash,
      view: renderOperationForm(operation, channelId),
    });
  };
