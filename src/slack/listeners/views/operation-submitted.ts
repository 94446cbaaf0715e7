import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { bindFields } from '../../../domain/operations/bind.js';
import { describeError } from '../../../error-text.js';
import { BUSY_MESSAGE } from '../../../in-flight.js';
import { queueAfterAck } from '../../after-ack.js';
import { renderError } from '../../blocks/error.js';
import { readOperationForm } from '../../blocks/form-values.js';
import type { SlackMessage } from '../../blocks/message.js';
import { NO_UNFURL } from '../../blocks/message.js';
import { renderNoticeModal } from '../../blocks/notice-modal.js';
import { renderReply } from '../../blocks/reply.js';
import { decodeMetadata } from '../../blocks/view-metadata.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const OUT_OF_DATE = 'This form is out of date: the operation it was made for no longer exists. Run /openai again.';

/** Errors that mean the bot cannot post privately in that channel (a DM, or a channel it is not in). */
const CHANNEL_REFUSALS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_in_channel']);

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
      await ack({ response_action: 'update', view: renderNoticeModal('Form out of date', OUT_OF_DATE) });
      return;
    }
    const form = readOperationForm(operation, view.state.values);
    const bound = bindFields(operation, form.fields);
    if (!bound.ok) {
      await ack({ response_action: 'errors', errors: bound.errors });
      return;
    }
    const userId = body.user.id;
    const answered = queueAfterAck(services, body, async () => {
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
      for (const message of messages) await tellPrivately(client, userId, channelId, message);
    });
    if (!answered) {
      await ack({ response_action: 'update', view: renderNoticeModal('Busy', BUSY_MESSAGE) });
      return;
    }
    await ack();
  };

/** Privately in the channel the form came from; by direct message where the bot cannot post there. */
async function tellPrivately(
  client: WebClient,
  userId: string,
  channelId: string | undefined,
  message: SlackMessage,
): Promise<void> {
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...message });
      return;
    } catch (error) {
      if (!CHANNEL_REFUSALS.has(slackErrorCode(error))) throw error;
    }
  }
  await client.chat.postMessage({ channel: userId, ...message, ...NO_UNFURL });
}

const slackErrorCode = (error: unknown): string =>
  String((error as { data?: { error?: unknown } } | undefined)?.data?.error ?? '');
