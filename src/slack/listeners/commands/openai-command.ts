import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { BUSY_MESSAGE } from '../../../in-flight.js';
import { queueAfterAck } from '../../after-ack.js';
import { renderHelp } from '../../blocks/help.js';
import { LIMITS } from '../../blocks/limits.js';
import { renderNotice } from '../../blocks/notice.js';
import { renderPicker } from '../../blocks/picker-modal.js';
import { renderReply } from '../../blocks/reply.js';
import { deleteOriginal, postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Rendered once: during a flood most commands are answered with it. */
const BUSY_NOTICE = renderNotice(BUSY_MESSAGE);

/**
 * `/openai …`: ack at once, then parse, authorise and run; the answer goes to the command's `response_url` (a slow one
 * that takes a while shows "Working on it…" first). When too much work already waits the acknowledgement says the bot
 * is busy and nothing else happens.
 */
export const openaiCommand =
  (services: SlackServices) =>
  async ({ command, body, ack, client }: Args): Promise<void> => {
    const notes = services.workingNotes;
    const accepted = queueAfterAck(services, body, async () => {
      const actor = toActor(command.user_id, command.channel_id);
      const outcome = await services.commands.handle(actor, command.text ?? '', {
        starting: async (operation) => {
          if (operation.slow) notes?.plan(command.response_url, body);
        },
      });
      if (outcome.kind === 'picker') {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: renderPicker(services.operations, command.channel_id),
        });
        return;
      }
      const noted = (await notes?.settle(body)) ?? false;
      // A note already used one of the response URL's five messages; a channel reply needs one more to remove it.
      const room = noted ? LIMITS.messagesPerResponse - 2 : LIMITS.messagesPerResponse;
      const messages =
        outcome.kind === 'help' ? renderHelp(outcome.entries, outcome.topic) : renderReply(outcome.reply, room);
      const forChannel = outcome.kind === 'reply' && outcome.reply.visibility === 'channel';
      if (forChannel) {
        // A private note cannot become a channel message: remove it, then post the answer for everyone.
        if (noted) await deleteOriginal(command.response_url);
        await postToResponseUrl(command.response_url, messages, { visibility: 'in_channel' });
        return;
      }
      await postToResponseUrl(command.response_url, messages, { replaceOriginal: noted });
    });
    // Too much already waits: say so in the acknowledgement itself, having started nothing.
    await ack(accepted ? undefined : BUSY_NOTICE);
  };
