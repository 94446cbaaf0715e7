import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { queueAfterAck } from '../../after-ack.js';
import { renderHelp } from '../../blocks/help.js';
import { LIMITS } from '../../blocks/limits.js';
import { BUSY_NOTICE } from '../../blocks/notice.js';
import { renderOperationForm } from '../../blocks/operation-form.js';
import { renderPicker } from '../../blocks/picker-modal.js';
import { renderReply } from '../../blocks/reply.js';
import { deleteOriginal, postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** What answering a command needs of it: during a flood a thousand commands may wait, so each keeps only this. */
interface CommandRequest {
  readonly user_id: string;
  readonly channel_id: string;
  readonly text: string;
  readonly response_url: string;
  readonly trigger_id: string;
}

/**
 * `/openai …`: ack at once, then parse, authorise and run; the answer goes to the command's `response_url` (a slow one
 * that takes a while shows "Working on it…" first). When too much work already waits the acknowledgement says the bot
 * is busy and nothing else happens.
 */
export const openaiCommand =
  (services: SlackServices) =>
  async ({ command, ack, client }: Args): Promise<void> => {
    const request: CommandRequest = {
      user_id: command.user_id,
      channel_id: command.channel_id,
      text: command.text ?? '',
      response_url: command.response_url,
      trigger_id: command.trigger_id,
    };
    const accepted = queueAfterAck(services, request, () => answer(services, client, request));
    // Too much already waits: say so in the acknowledgement itself, having started nothing.
    await ack(accepted ? undefined : BUSY_NOTICE);
  };

async function answer(services: SlackServices, client: WebClient, request: CommandRequest): Promise<void> {
  const notes = services.workingNotes;
  const actor = toActor(request.user_id, request.channel_id);
  const outcome = await services.commands.handle(actor, request.text, {
    starting: async (operation) => {
      if (operation.slow) notes?.plan(request.response_url, request);
    },
  });
  if (outcome.kind === 'picker') {
    await client.views.open({
      trigger_id: request.trigger_id,
      view: renderPicker(services.operations, request.channel_id),
    });
    return;
  }
  if (outcome.kind === 'form') {
    await client.views.open({
      trigger_id: request.trigger_id,
      view: renderOperationForm(outcome.operation, request.channel_id),
    });
    return;
  }
  const noted = (await notes?.settle(request)) ?? false;
  // A note already used one of the response URL's five messages; a channel reply needs one more to remove it.
  const room = noted ? LIMITS.messagesPerResponse - 2 : LIMITS.messagesPerResponse;
  const messages =
    outcome.kind === 'help' ? renderHelp(outcome.entries, outcome.topic) : renderReply(outcome.reply, room);
  const forChannel = outcome.kind === 'reply' && outcome.reply.visibility === 'channel';
  if (forChannel) {
    // A private note cannot become a channel message: remove it, then post the answer for everyone.
    if (noted) await deleteOriginal(request.response_url);
    await postToResponseUrl(request.response_url, messages, { visibility: 'in_channel' });
    return;
  }
  await postToResponseUrl(request.response_url, messages, { replaceOriginal: noted });
}
