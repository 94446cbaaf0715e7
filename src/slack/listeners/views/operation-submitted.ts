import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { bindFields } from '../../../domain/operations/bind.js';
import { describeError } from '../../../error-text.js';
import { renderError } from '../../blocks/error.js';
import { FIELD_ACTION } from '../../blocks/operation-form.js';
import { renderReply } from '../../blocks/reply.js';
import { decodeMetadata } from '../../blocks/view-metadata.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type StateValue = { value?: string | null; selected_options?: { value: string }[] };

const readFields = (values: Record<string, Record<string, StateValue>>) =>
  Object.fromEntries(
    Object.entries(values).map(([blockId, actions]) => {
      const state = actions[FIELD_ACTION];
      const value = state?.selected_options ? state.selected_options.length > 0 : (state?.value ?? undefined);
      return [blockId, value];
    }),
  );

/**
 * A generated form was submitted: invalid fields are shown inline; valid input runs through the same
 * path as the command, and the result is sent privately to the person who submitted it.
 */
export const operationSubmitted =
  (services: SlackServices) =>
  async ({ ack, view, body, client }: Args): Promise<void> => {
    const { operation: name, channelId } = decodeMetadata(view.private_metadata);
    const operation = services.operations.find((op) => op.name === name);
    if (!operation) {
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    const bound = bindFields(operation, readFields(view.state.values as Record<string, Record<string, StateValue>>));
    if (!bound.ok) {
      await ack({ response_action: 'errors', errors: bound.errors });
      return;
    }
    await ack();
    const userId = body.user.id;
    await services.inFlight.track(
      (async () => {
        const messages = await services.commands.run(toActor(userId, channelId), operation, bound.input).then(
          (reply) => renderReply(reply),
          (error: unknown) => [renderError(describeError(error))],
        );
        for (const message of messages) {
          if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
          else await client.chat.postMessage({ channel: userId, ...message });
        }
      })(),
    );
  };
