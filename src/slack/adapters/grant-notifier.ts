import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ChatPeople, GrantNotifier } from '../../domain/grants/ports.js';
import { renderGrantNote } from '../blocks/grant-note.js';
import { NO_UNFURL } from '../blocks/message.js';

/** Grant notes as direct messages and posts in the approvals channel; people found by email. */
export function createGrantNotifier(
  client: WebClient,
  approvalChannel: string,
  logger: Logger,
): GrantNotifier & ChatPeople {
  const post = async (channel: string, text: string) => {
    const message = renderGrantNote(text);
    await client.chat
      .postMessage({ channel, text: message.text, blocks: message.blocks, ...NO_UNFURL })
      .catch((error: unknown) => logger.warn({ err: error, channel }, 'could not post a grant note'));
  };
  return {
    tell: (chatUserId, text) => post(chatUserId, text),
    alert: (text) => post(approvalChannel, text),
    async userIdOfEmail(email) {
      const found = await client.users.lookupByEmail({ email }).catch(() => undefined);
      return found?.user?.id;
    },
  };
}
