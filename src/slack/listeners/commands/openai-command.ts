import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { BUSY_MESSAGE } from '../../../in-flight.js';
import { renderHelp } from '../../blocks/help.js';
import { renderNotice } from '../../blocks/notice.js';
import { renderPicker } from '../../blocks/picker-modal.js';
import { renderReply } from '../../blocks/reply.js';
import { postToResponseUrl } from '../../respond.js';
import type { SlackServices } from '../../services.js';
import { toActor } from '../../to-actor.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/openai …`: ack at once, then parse, authorise and run; the answer goes to the command's `response_url`. When
 * the queue of work is full the acknowledgement says the bot is busy and nothing else happens.
 */
export const openaiCommand =
  (services: SlackServices) =>
  async ({ command, ack, client }: Args): Promise<void> => {
    const answered = services.inFlight.tryAfterAck(async () => {
      const outcome = await services.commands.handle(toActor(command.user_id, command.channel_id), command.text ?? '');
      if (outcome.kind === 'picker') {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: renderPicker(services.operations, command.channel_id),
        });
        return;
      }
      const messages =
        outcome.kind === 'help' ? renderHelp(outcome.entries, outcome.topic) : renderReply(outcome.reply);
      const forChannel = outcome.kind === 'reply' && outcome.reply.visibility === 'channel';
      await postToResponseUrl(command.response_url, messages, forChannel ? { visibility: 'in_channel' } : {});
    });
    if (!answered) {
      // Too much already waits: say so in the acknowledgement itself, having started nothing.
      await ack(renderNotice(BUSY_MESSAGE));
      return;
    }
    await ack();
    await answered;
  };
