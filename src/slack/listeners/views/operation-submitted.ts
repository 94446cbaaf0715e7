import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { bindFields } from '../../../domain/operations/bind.js';
import { describeError } from '../../../error-text.js';
import { renderError } from '../../blocks/error.js';
import { readOperationForm } from '../../blocks/form-values.js';
import { renderReply } from '../../blocks/reply.js';
import { decodeMetadata } from '../../blocks/view-metadata.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A generated form was submitted: invalid fields are shown inline on the field; valid input runs through the
 * same path as the command (authorisation, approval for risky changes), and the result is sent privately to the
 * person who submitted it.
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
    const form = readOperationForm(operation, view.state.values);
    const bound = bindFields(operation, form.fields);
    if (!bound.ok) {
      await ack({ response_action: 'errors', errors: bound.errors });
      return;
    }
    await ack();
    const userId = body.user.id;
    await services.inFlight.afterAck(async () => {
      const messages = await services.commands
        .run(toActor(userId, channelId), operation, bound.input, form.reason)
        .then(
          (reply) => renderReply(reply),
          (error: unknown) => {
            // A submission has no response_url for the error edge to answer on, so it is answered here.
            const text = describeError(error);
            if (!text.expected) services.logger.error({ err: error }, 'form submission failed');
            return [renderError(text)];
          },
        );
      for (const message of messages) {
        if (channelId) await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
        else await client.chat.postMessage({ channel: userId, ...message });
      }
    });
  };
